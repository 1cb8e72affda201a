import Foundation
import LegCareCore
import LegCareRun

/// Feeds the workbook's client rows on a worker of its own, so the workbook is written on
/// one core while handouts and `plans.jsonl` are written on the other.
///
/// Clients go through a ``BoundedQueue`` in input order and are added one by one on the
/// worker, so the workbook's bytes are the same as when written on one thread. The worker
/// returns the workbook when the queue ends: only then is it the caller's.
final class WorkbookFeeder {
    typealias Row = (Plan, ClientProfile, ManagerFigures.VisitRow?)
    private let queue = BoundedQueue<Row>(capacity: 1024)
    private var worker: Worker<(SummaryWorkbook, seconds: Double)>?
    /// Clients not yet handed to the worker.
    private var pending: [Row] = []
    /// Clients are handed over this many at a time.
    private static let batch = 256

    init(_ summary: SummaryWorkbook) {
        worker = Worker(name: "legcare-workbook") { [queue] in
            var seconds = 0.0
            do {
                while let rows = try queue.receive() {
                    let start = StageTimings.now()
                    for (plan, profile, visit) in rows { try summary.add(plan, profile: profile, visit: visit) }
                    seconds += StageTimings.now() - start
                }
            } catch {
                queue.cancel()  // the sender hears it at its next hand-over
                throw error
            }
            return (summary, seconds)
        }
    }

    /// Queues one client's rows; waits while the queue is full. Throws the worker's error.
    func add(_ plan: Plan, profile: ClientProfile, visit: ManagerFigures.VisitRow? = nil) throws {
        pending.append((plan, profile, visit))
        if pending.count >= Self.batch, !queue.send(&pending) { _ = try finish() }
    }

    /// Waits until every queued row is written, and hands the workbook over with the
    /// seconds the worker spent adding rows. Throws the worker's error. Call once.
    func finish() throws -> (SummaryWorkbook, seconds: Double) {
        queue.send(&pending)
        queue.finish()
        guard let worker = worker.take() else { throw CancellationError() }
        return try worker.wait()
    }

    /// Lets the worker end without waiting for it (a run given up on an error).
    func abandon() { queue.cancel() }
}
