import Foundation
import LegCareCore
import LegCareIntake
import LegCareReports

/// Validation and planning on a thread of their own, handed to the writing thread in
/// input order through a bounded queue.
///
/// Why: measured on 100,000 clients, the main thread was the run's critical path (file
/// creation for handouts, then validation and planning, about 2.6 s); this moves the
/// latter beside it. The reader and the engine are touched only by the producing thread
/// until ``finish()`` has joined it, and only by the caller after: that hand-over is why
/// this type is `@unchecked Sendable`. Items come out in the order rows were read, so the
/// outputs do not depend on timing.
final class ClientStream: @unchecked Sendable {
    struct Item {
        var profile: ClientProfile
        var plan: Plan
        /// The client's training log, handed on and no longer held here.
        var training: TrainingHistory?
        var position: ClientsReader.Position
        /// Rows read when this client was accepted (for progress).
        var rowsRead: Int
    }

    private var reader: ClientsReader
    private let engine: PlanEngine
    /// Let go when the last client is planned (the writer and the pipeline hold their own).
    private var sessions: SessionLog?
    /// Each athlete's log until they are planned: then it goes with the client (measured:
    /// the logs were about 100 MB of a 1,000,000-client run held to its end).
    private let training: TrainingLogs
    private let asOf: Day
    private var timings = StageTimings()

    private let condition = NSCondition()
    private var queue: [Item] = []
    private var closed = false
    private var cancelled = false
    private var failure: Error?
    private let finished = DispatchSemaphore(value: 0)
    /// Clients go over this many at a time (a wake-up per client was measured costly).
    private static let batch = 256
    /// At most this many clients wait between the threads: four batches. An item (a
    /// profile and its plan) is about 2.7 KB before its strings and arrays, so the 4,096
    /// of before held about 11 MB, with room for twice that, and wall time was the same
    /// (measured at 100,000 and 300,000 clients).
    private static let capacity = 1024

    init(reader: ClientsReader, engine: PlanEngine, sessions: SessionLog?, training: TrainingLogs?, asOf: Day) {
        self.reader = reader
        self.engine = engine
        self.sessions = sessions
        self.training = training ?? TrainingLogs([:])
        self.asOf = asOf
        let thread = Thread { [self] in produce() }
        thread.name = "legcare-intake"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next clients in input order; `nil` at the end. Throws what reading threw.
    func next() throws -> [Item]? {
        condition.lock()
        while queue.isEmpty && !closed { condition.wait() }
        // Taken whole, and a new queue started: `removeAll(keepingCapacity:)` here made a
        // second buffer of the full capacity while `items` still held the first (measured
        // with massif at 100,000 clients: 27 MB of an 88 MB heap peak were the two).
        let items = queue
        queue = []
        let error = items.isEmpty ? failure : nil
        condition.signal()
        condition.unlock()
        if let error { throw error }
        return items.isEmpty ? nil : items
    }

    /// After ``next()`` gave `nil`: the reader, with its final counts and diagnostics,
    /// and the time spent validating and planning.
    func finish() -> (ClientsReader, StageTimings) {
        finished.wait()
        return (reader, timings)
    }

    /// Stops the producing thread early (the run failed) and waits for it.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.signal()
        condition.unlock()
        finished.wait()
    }

    private func produce() {
        var batch: [Item] = []
        do {
            while let read = try timings.measure("intake", { try reader.next() }) {
                var profile = read
                if profile.lastMassage == nil, let last = sessions?.lastCompleted(profile.clientID, onOrBefore: asOf) {
                    profile.lastMassage = last
                }
                let history = try training.take(profile.clientID)
                let plan = timings.measure("plan") { engine.plan(for: profile, asOf: asOf, training: history) }
                batch.append(
                    Item(profile: profile, plan: plan, training: history, position: reader.lastPosition!, rowsRead: reader.rowsRead))
                if batch.count >= Self.batch, !send(&batch) { break }
            }
            _ = send(&batch)
            sessions = nil
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
        }
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
        finished.signal()
    }

    /// Queues a batch, waiting while the queue is full; `false` once cancelled.
    private func send(_ batch: inout [Item]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue += batch
        batch.removeAll(keepingCapacity: true)
        condition.signal()
        return true
    }
}
