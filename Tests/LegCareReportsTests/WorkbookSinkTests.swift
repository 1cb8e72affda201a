import Foundation
import LegCareCore
import Synchronization
import Testing

@testable import LegCareNative
@testable import LegCareReports
@testable import LegCareRun

@Suite("Workbook sink: rows, then each step in order on the workbook's worker, then the file")
struct WorkbookSinkTests {
    struct Planted: Error, Equatable {}

    /// A run folder and a workbook fed one client.
    func sink() throws -> (WorkbookSink, RunFolder, String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            .path
        let folder = try RunFolder(out: out, week: "2026-W48")
        let asOf = Day(iso: "2026-11-23")!
        let sink = try WorkbookSink(
            folder: folder, config: ClinicConfig(), asOf: asOf, constantMemory: true, hasTraining: false, hasSessions: false)
        let profile = ClientProfile(clientID: "C1", name: "Ann", trainingLoad: .light)
        try sink.add(PlanEngine().plan(for: profile, asOf: asOf), profile: profile, visit: nil)
        return (sink, folder, out)
    }

    @Test("steps run in the order given, after the rows, and the file is closed and checked")
    func inOrder() throws {
        let steps = Steps()
        let (sink, folder, out) = try sink()
        defer { try? FileManager.default.removeItem(atPath: out) }
        sink.then { _ in steps.add("first") }
        try sink.waitForSteps()
        steps.add("booked")
        sink.then { summary in
            steps.add("rest")
            try summary.writeSheets(diagnostics: [], facts: RunFacts(files: []), squad: try Squad([], folder: folder.stagingPath))
        }
        let outcome = try sink.close()
        #expect(steps.all == ["first", "booked", "rest"])
        #expect(outcome.warnings.isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.path("summary.xlsx")))
    }

    @Test("a step that fails is what waiting throws, and closing throws it too")
    func stepFails() throws {
        let (sink, _, out) = try sink()
        defer { try? FileManager.default.removeItem(atPath: out) }
        sink.then { _ in throw Planted() }
        #expect(throws: Planted.self) { try sink.waitForSteps() }
        #expect(throws: Planted.self) { _ = try sink.close() }
    }

    @Test("a workbook given up is not closed, protected or checked afterwards")
    func givenUp() throws {
        let steps = Steps()
        let (sink, _, out) = try sink()
        defer { try? FileManager.default.removeItem(atPath: out) }
        sink.then { _ in steps.add("first") }
        sink.abandon()
        #expect(steps.all == ["first"], "a step already handed over still runs to its end before abandon returns")
        #expect(throws: CancellationError.self) { _ = try sink.close() }
    }

    /// Steps noted from two threads, in the order they happened.
    final class Steps: Sendable {
        private let steps = Mutex<[String]>([])
        func add(_ step: String) { steps.withLock { $0.append(step) } }
        var all: [String] { steps.withLock { $0 } }
    }
}
