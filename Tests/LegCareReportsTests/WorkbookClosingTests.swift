import Foundation
import LegCareCore
import Testing

@testable import LegCareReports

@Suite("Workbook closing: the first sheets, the week's sheets once booked, then the file")
struct WorkbookClosingTests {
    struct Planted: Error, Equatable {}

    /// A run folder and a workbook fed one client, for a closing to finish.
    func closing(first: @escaping (SummaryWorkbook) throws -> Void) throws -> (WorkbookClosing, RunFolder, String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("closing-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            .path
        let folder = try RunFolder(out: out, week: "2026-W48")
        let asOf = Day(iso: "2026-11-23")!
        let summary = try SummaryWorkbook(
            path: folder.path("summary.xlsx"), tmpdir: folder.stagingPath, config: ClinicConfig(), asOf: asOf, constantMemory: true,
            hasTraining: false)
        let feeder = WorkbookFeeder(summary)
        let profile = ClientProfile(clientID: "C1", name: "Ann", trainingLoad: .light)
        try feeder.add(PlanEngine().plan(for: profile, asOf: asOf), profile: profile, visit: nil)
        return (WorkbookClosing(feeder: feeder, folder: folder, first: first), folder, out)
    }

    @Test("the week's sheets are written after the first ones, and the file is closed and checked")
    func inOrder() throws {
        let steps = Steps()
        let (closing, folder, out) = try closing { _ in steps.add("first") }
        defer { try? FileManager.default.removeItem(atPath: out) }
        try closing.firstDone()
        steps.add("booked")
        closing.then { summary in
            steps.add("rest")
            try summary.writeSheets(diagnostics: [], facts: RunFacts(files: []), squad: try Squad([], folder: folder.stagingPath))
        }
        let outcome = try closing.wait()
        #expect(steps.all == ["first", "booked", "rest"])
        #expect(outcome.warnings.isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.path("summary.xlsx")))
    }

    @Test("a first step that fails is what both waits throw; nothing waits for the week")
    func firstFails() throws {
        let (closing, _, out) = try closing { _ in throw Planted() }
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(throws: Planted.self) { try closing.firstDone() }
        closing.then(nil)
        #expect(throws: Planted.self) { _ = try closing.wait() }
    }

    @Test("a run given up after the first step ends the workbook's thread without closing the file")
    func givenUp() throws {
        let (closing, folder, out) = try closing { _ in }
        defer { try? FileManager.default.removeItem(atPath: out) }
        try closing.firstDone()
        closing.then(nil)
        #expect(throws: CancellationError.self) { _ = try closing.wait() }
        #expect(!FileManager.default.fileExists(atPath: folder.path("summary.xlsx")), "libxlsxwriter writes the file only when it closes")
    }

    /// Steps noted from two threads, in the order they happened.
    final class Steps: @unchecked Sendable {
        private let lock = NSLock()
        private var steps: [String] = []
        func add(_ step: String) { lock.withLock { steps.append(step) } }
        var all: [String] { lock.withLock { steps } }
    }
}
