import Foundation
import LegCareCore

/// Feeds the workbook's client rows on a thread of its own, so the workbook is written on
/// one core while handouts and `plans.jsonl` are rendered and written on the other.
///
/// Clients go through a bounded queue in input order and are added one by one on the
/// worker, so the workbook's bytes are the same as when written on one thread. The
/// workbook is touched only by the worker until ``finish()`` has joined it, and only by
/// the caller after: that hand-over is why this type is `@unchecked Sendable`.
final class WorkbookFeeder: @unchecked Sendable {
    private let summary: SummaryWorkbook
    private let condition = NSCondition()
    private var queue: [(Plan, ClientProfile, ManagerFigures.VisitRow?)] = []
    private var closed = false
    private var failure: Error?
    private let finished = DispatchSemaphore(value: 0)
    /// Seconds the worker spent adding rows.
    private(set) var seconds = 0.0
    /// At most this many clients wait for the workbook: four hand-overs of ``batch``.
    private static let capacity = 1024

    init(_ summary: SummaryWorkbook) {
        self.summary = summary
        let thread = Thread { [self] in run() }
        thread.name = "legcare-workbook"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Clients not yet handed to the worker: only the caller's thread touches this.
    private var pending: [(Plan, ClientProfile, ManagerFigures.VisitRow?)] = []
    /// Clients are handed over this many at a time: measured with perf, a lock and a
    /// wake-up per client cost the caller's thread about a second per 100,000 clients.
    private static let batch = 256

    /// Queues one client's rows; waits while the queue is full. Throws the worker's error.
    func add(_ plan: Plan, profile: ClientProfile, visit: ManagerFigures.VisitRow? = nil) throws {
        pending.append((plan, profile, visit))
        if pending.count >= Self.batch { try handOver() }
    }

    private func handOver() throws {
        condition.lock()
        while queue.count >= Self.capacity && failure == nil { condition.wait() }
        let error = failure
        if error == nil {
            queue += pending
            pending.removeAll(keepingCapacity: true)
        }
        condition.signal()
        condition.unlock()
        if let error { throw error }
    }

    /// Waits until every queued row is written; after this the workbook is the caller's.
    func finish() throws -> SummaryWorkbook {
        if !pending.isEmpty { try handOver() }
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
        finished.wait()
        if let failure { throw failure }
        return summary
    }

    /// Lets the worker end without waiting for it (a run given up on an error).
    func abandon() {
        condition.lock()
        closed = true
        queue.removeAll()
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            // Taken whole, and a new queue started: `removeAll(keepingCapacity:)` made a
            // second buffer of the full capacity while `batch` held the first (as in the
            // clients' stream: measured there with massif, 27 MB at 100,000 clients).
            let batch = queue
            queue = []
            let done = closed && batch.isEmpty
            condition.signal()
            condition.unlock()
            if done { break }
            let start = StageTimings.now()
            do {
                for (plan, profile, visit) in batch { try summary.add(plan, profile: profile, visit: visit) }
            } catch {
                condition.lock()
                failure = error
                condition.signal()
                condition.unlock()
                break
            }
            seconds += StageTimings.now() - start
        }
        finished.signal()
    }
}
