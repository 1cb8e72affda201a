// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "LegCare",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "legcare", targets: ["legcare"]),
        // For the libFuzzer package in Fuzz/ (`make fuzz`).
        .library(name: "LegCareFuzzing", targets: ["LegCareFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // Domain model, knowledge tables and the plan engine. Pure: no files, no clock, no C.
        .target(
            name: "LegCareCore",
            dependencies: [
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        // Bytes -> rows -> validated profiles and diagnostics.
        .target(
            name: "LegCareIntake",
            dependencies: [
                "LegCareCore", "LegCareRun", .product(name: "Yams", package: "Yams"),
            ]
        ),
        // libxlsxwriter, seen through pkg-config; only LegCareReports imports it.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // Intel's ISA-L: inflating and CRC-32 for the workbook check (decision 0006).
        .systemLibrary(
            name: "CIsal",
            pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"])]
        ),
        // glibc's malloc.h (malloc_trim): freed memory back to the system between stages.
        .systemLibrary(name: "CMalloc"),
        // The commit `make build` was run on, for `legcare --version`.
        .systemLibrary(name: "CBuildInfo"),
        // zlib's headers and library, for CDeflate and the tests that call zlib's API.
        .systemLibrary(
            name: "CLibz",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // zlib's raw deflate on ISA-L, for the workbook libxlsxwriter zips (decision 0006).
        .target(name: "CDeflate", dependencies: ["CIsal", "CLibz"]),
        // The engine room: the run folder, scratch files, one bounded queue, one worker,
        // stage timings and handing freed memory back (glibc's malloc_trim).
        .target(
            name: "LegCareRun",
            dependencies: ["LegCareCore", "CMalloc"]
        ),
        // Every C library behind one Swift layer: libxlsxwriter (the workbook), ISA-L (the
        // workbook check's inflating and CRC-32), and zlib's deflate on ISA-L (CDeflate).
        .target(
            name: "LegCareNative",
            dependencies: [
                "LegCareCore", "LegCareRun", "CXlsxWriter", "CIsal", "CDeflate",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Plans -> workbook, handouts, plans.jsonl and the run folder.
        .target(
            name: "LegCareReports",
            dependencies: [
                "LegCareCore", "LegCareRun", "LegCareNative",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates"), .copy("Catalogs")]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "legcare",
            dependencies: [
                "LegCareCore", "LegCareIntake", "LegCareReports", "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: times each stage on its own (reader, validation, engine, handouts, workbook).
        .executableTarget(
            name: "legcare-bench",
            dependencies: ["LegCareCore", "LegCareIntake", "LegCareReports"]
        ),
        // The fuzz targets' bodies, shared by Fuzz/ and by the tests that replay the corpus.
        .target(name: "LegCareFuzzing", dependencies: ["LegCareCore", "LegCareIntake", "LegCareReports"]),
        .testTarget(
            name: "LegCareFuzzingTests", dependencies: ["LegCareFuzzing"], resources: [.copy("corpus")]
        ),
        .testTarget(
            name: "LegCareCoreTests",
            dependencies: ["LegCareCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "LegCareRunTests", dependencies: ["LegCareRun", "LegCareCore"]),
        .testTarget(
            name: "LegCareIntakeTests",
            dependencies: ["LegCareIntake", "LegCareRun", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "LegCareReportsTests",
            dependencies: [
                "LegCareReports", "LegCareRun", "LegCareNative", "LegCareIntake", "CIsal", "CDeflate", "CLibz",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["golden"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["LegCareCore", "LegCareIntake"]),
    ]
)
