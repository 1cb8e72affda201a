import Foundation

/// Work started on a thread of its own, whose result is collected once with ``wait()``.
///
/// The result is written by the thread before it signals and read by the caller only
/// after the signal, so no other locking is needed: that is why this type is
/// `@unchecked Sendable`.
///
/// ```swift
/// let training = Background { try TrainingReader.read(source, file: "training.csv") }
/// let sessions = try SessionsReader.read(other, file: "sessions.csv")   // meanwhile
/// let log = try training.wait()
/// ```
public final class Background<T: Sendable>: @unchecked Sendable {
    private var result: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    public init(name: String, _ work: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result(catching: work)
            done.signal()
        }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The work's result, waiting for it if needed; throws what the work threw. Call it
    /// once: the result is handed over, not kept (measured: a copy kept here held every
    /// athlete's training log, about 100 MB at 1,000,000 clients, to the run's end).
    public func wait() throws -> T {
        done.wait()
        let taken = result!
        result = nil
        return try taken.get()
    }
}
