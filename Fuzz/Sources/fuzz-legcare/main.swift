import Glibc
import LegCareFuzzing

/// The target to fuzz, from LEGCARE_FUZZ_TARGET (csv, clients, namer, config).
let target = getenv("LEGCARE_FUZZ_TARGET").map { String(cString: $0) } ?? ""

/// libFuzzer's entry point: one input, run through the shared target body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTargets.run(target, start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
}

// SwiftPM links an executable's entry point as `<module>_main`; this one checks the target
// and hands over to libFuzzer's driver, which parses the fuzzer's flags and calls `fuzz`.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("fuzz_legcare_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    guard FuzzTargets.all[target] != nil else {
        let message = "fuzz-legcare: set LEGCARE_FUZZ_TARGET to one of \(FuzzTargets.all.keys.sorted().joined(separator: ", "))\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        return 2
    }
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv, fuzz)
}
