// swift-tools-version: 6.0
// The libFuzzer driver for LegCare (`make fuzz`): one executable, the target chosen by
// LEGCARE_FUZZ_TARGET. A package of its own, because every one of its files is built with
// -sanitize=fuzzer and -parse-as-library, which LegCare's own command-line target
// (top-level code) cannot be.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, whatever the clone is called.
let legcare = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "LegCareFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(name: "fuzz-legcare", dependencies: [.product(name: "LegCareFuzzing", package: legcare)])
    ]
)
