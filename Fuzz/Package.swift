// swift-tools-version: 6.0
// libFuzzer targets for LegCare (`make fuzz`). A package of its own, because every one of
// its files is built with -sanitize=fuzzer and -parse-as-library, which LegCare's own
// command-line target (top-level code) cannot be.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, whatever the clone is called.
let legcare = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let targets = ["csv", "clients", "namer", "config"]

let package = Package(
    name: "LegCareFuzz",
    dependencies: [.package(path: "..")],
    targets: targets.map { name in
        .executableTarget(name: "fuzz-\(name)", dependencies: [.product(name: "LegCareFuzzing", package: legcare)])
    }
)
