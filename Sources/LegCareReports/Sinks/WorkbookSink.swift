import Foundation
import LegCareCore
import LegCareNative
import LegCareRun

/// `summary.xlsx`: client rows as they stream, then the summary sheets, then closing and
/// checking the file, all on workers so the caller writes the other outputs meanwhile.
///
/// Each step is a ``Worker`` that takes the workbook from the step before: the workbook
/// is only ever touched by one thread, and its bytes do not depend on timing.
///
/// ```swift
/// let workbook = try WorkbookSink(folder: folder, config: config, asOf: asOf, ...)
/// try workbook.add(plan, profile: profile, visit: visit)      // per client
/// workbook.then { try $0.writeLogSheets(...) }                // on the workbook's worker
/// try workbook.waitForSteps()                                  // optional: the log is let go
/// workbook.then { try $0.writeSheets(...) }
/// let closed = try workbook.close()
/// ```
final class WorkbookSink {
    struct Outcome {
        var warnings: [Diagnostic]
        var workbookSeconds: Double
        var checkSeconds: Double
    }
    private typealias Step = Worker<(SummaryWorkbook, seconds: Double)>

    private let folder: RunFolder
    private var feeder: WorkbookFeeder?
    /// The last step handed to a worker, or the workbook when every step is done.
    private var step: Step?
    private var ready: Result<(SummaryWorkbook, seconds: Double), Error>?
    /// The closing worker, once ``beginClosing()`` started it.
    private var closing: Worker<Outcome>?

    init(
        folder: RunFolder, config: ClinicConfig, asOf: Day, constantMemory: Bool, hasTraining: Bool, hasSessions: Bool
    ) throws {
        self.folder = folder
        let summary = try SummaryWorkbook(
            path: folder.path("summary.xlsx"), tmpdir: folder.stagingPath, config: config, asOf: asOf,
            constantMemory: constantMemory, hasTraining: hasTraining, hasSessions: hasSessions)
        feeder = WorkbookFeeder(summary)
    }

    /// Queues one client's rows for the workbook's worker.
    func add(_ plan: Plan, profile: ClientProfile, visit: ManagerFigures.VisitRow?) throws {
        try feeder!.add(plan, profile: profile, visit: visit)
    }

    /// Runs `write` on the workbook once every row and earlier step is in, on a worker;
    /// returns at once. The closure, and what it holds, is let go when it returns.
    func then(_ write: @escaping (SummaryWorkbook) throws -> Void) {
        let previous = takePrevious()
        step = Step(name: "legcare-workbook") {
            let (summary, seconds) = try previous()
            let start = StageTimings.now()
            try write(summary)
            return (summary, seconds + StageTimings.now() - start)
        }
    }

    /// Waits for every step so far; throws what one threw.
    func waitForSteps() throws {
        guard let step = step.take() else { return }
        let outcome = Result { try step.wait() }
        ready = outcome
        _ = try outcome.get()
    }

    /// Closes the file, protects it and checks it, after every step; waits for all of it.
    /// The check follows the file as libxlsxwriter writes it, on the core its deflating
    /// leaves idle (decision 0006).
    func close() throws -> Outcome {
        try (closing.take() ?? startClosing()).wait()
    }

    /// Starts closing the workbook once every step is done, on a worker, and returns at
    /// once: the caller writes other files while it closes. ``close()`` waits for it.
    func beginClosing() {
        if closing == nil { closing = startClosing() }
    }

    private func startClosing() -> Worker<Outcome> {
        let previous = takePrevious()
        let folder = self.folder
        let closing = Worker<Outcome>(name: "legcare-workbook-close") {
            let (summary, seconds) = try previous()
            var start = StageTimings.now()
            FreedMemory.release()
            let follower = XLSXFollower(path: folder.path("summary.xlsx"))
            let warnings: [Diagnostic]
            do {
                warnings = try summary.close()
            } catch {
                _ = follower.finish()
                throw error
            }
            let followed = follower.finish()
            try folder.protect("summary.xlsx")
            let workbookSeconds = seconds + StageTimings.now() - start
            start = StageTimings.now()
            try XLSXCheck.verify(path: folder.path("summary.xlsx"), followed: followed)
            // The check's cost: its work while following, and what was left after the writer.
            let checkSeconds = followed.busySeconds + StageTimings.now() - start
            return Outcome(warnings: warnings, workbookSeconds: workbookSeconds, checkSeconds: checkSeconds)
        }
        return closing
    }

    /// Gives the workbook up without closing it (the run failed): its workers end.
    func abandon() {
        feeder?.abandon()
        _ = try? step.take()?.wait()
        _ = try? closing.take()?.wait()
    }

    /// What the next step starts from: the feeder's end, the last step's, or the workbook.
    private func takePrevious() -> () throws -> (SummaryWorkbook, seconds: Double) {
        if let feeder = feeder.take() { return { try feeder.finish() } }
        if let step = step.take() { return { try step.wait() } }
        guard let ready = ready.take() else { return { throw CancellationError() } }
        return { try ready.get() }
    }

    deinit { abandon() }
}
