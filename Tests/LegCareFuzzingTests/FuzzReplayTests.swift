import Foundation
import LegCareFuzzing
import Testing

/// Replays every input in `corpus/<target>/` through the fuzz target's own body: the
/// seeds, and every crash `make fuzz` ever found (kept there as `crash-*`), so a fixed
/// crash stays fixed. A crash here stops the test process, as it stopped the fuzzer.
@Suite("fuzz corpus replay")
struct FuzzReplayTests {
    static let corpus = Bundle.module.resourceURL!.appendingPathComponent("corpus")

    @Test("every kept input of every fuzz target runs cleanly", arguments: ["csv", "clients", "namer", "config", "workbook"])
    func replay(_ target: String) throws {
        let folder = Self.corpus.appendingPathComponent(target)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!files.isEmpty, "the \(target) corpus has at least its seed")
        for file in files {
            FuzzTargets.run(target, Array(try Data(contentsOf: folder.appendingPathComponent(file))))
        }
        #expect(FuzzTargets.all[target] != nil)
    }
}
