import Foundation

/// Work on a thread of its own, whose result is taken once with ``wait()``: with
/// ``BoundedQueue``, the only way LegCare runs work concurrently (docs/architecture.md).
///
/// The work closure, and whatever it captured, is let go as soon as it returns, and the
/// result is handed over, not kept: a large value lives no longer than its use.
///
/// ```swift
/// let training = Worker(name: "legcare-training") { try TrainingReader.read(source, file: "training.csv") }
/// let sessions = try SessionsReader.read(other, file: "sessions.csv")   // meanwhile
/// let log = try training.wait()
/// ```
public final class Worker<Value>: @unchecked Sendable {
    // @unchecked: the worker's thread touches `work` and `result` before `done` is signalled,
    // the waiting thread only after it.
    private var work: (() throws -> Value)?
    private var result: Result<Value, Error>?
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread named `name`.
    public init(name: String, _ work: @escaping () throws -> Value) {
        self.work = work
        let thread = Thread { [self] in
            let run = self.work.take()!
            result = Result(catching: run)
            done.signal()
        }
        thread.name = name
        // Deeply nested templates and the workbook's C calls want more than the default.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The work's result, waiting for it if needed; throws what the work threw. Call once.
    public func wait() throws -> Value {
        done.wait()
        guard let taken = result.take() else { preconditionFailure("a worker's result is taken once") }
        return try taken.get()
    }
}
