import Foundation
import LegCareCore
import LegCareIntake
import LegCareReports
import LegCareRun

/// Validation and planning on a worker of their own, handed to the writing thread in input
/// order through a ``BoundedQueue``, so the two cores share the run's longest stage
/// (docs/performance.md). Items come out in the order rows were read, so the outputs do not
/// depend on timing.
final class ClientStream: @unchecked Sendable {
    // @unchecked: `reader`, `sessions` and `timings` are touched by the worker until
    // ``finish()`` has joined it, and by the caller only after.
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
    /// Each athlete's log until they are planned: then it goes with the client.
    private let training: TrainingLogs
    private let asOf: Day
    private var timings = StageTimings()
    private let queue = BoundedQueue<Item>(capacity: 1024)
    private var worker: Worker<Void>?
    /// Clients go over this many at a time.
    private static let batch = 256

    init(reader: consuming ClientsReader, engine: PlanEngine, sessions: SessionLog?, training: TrainingLogs?, asOf: Day) {
        self.reader = reader
        self.engine = engine
        self.sessions = sessions
        self.training = training ?? TrainingLogs([:])
        self.asOf = asOf
        worker = Worker(name: "legcare-intake") { [self] in produce() }
    }

    /// The next clients in input order; `nil` at the end. Throws what reading threw.
    func next() throws -> [Item]? { try queue.receive() }

    /// After ``next()`` gave `nil`: the reader, with its final counts and diagnostics,
    /// and the time spent validating and planning.
    func finish() -> (ClientsReader, StageTimings) {
        try? worker.take()?.wait()
        return (reader, timings)
    }

    /// Stops the worker early (the run failed) and waits for it.
    func cancel() {
        queue.cancel()
        try? worker.take()?.wait()
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
                if batch.count >= Self.batch, !queue.send(&batch) { return }
            }
            queue.send(&batch)
            sessions = nil
            queue.finish()
        } catch {
            queue.finish(throwing: error)
        }
    }
}
