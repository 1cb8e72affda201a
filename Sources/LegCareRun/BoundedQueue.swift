import Foundation

/// A first-in, first-out queue from one thread to another that holds at most `capacity`
/// elements, so a fast sender waits for a slow receiver instead of filling memory.
///
/// Elements go over in batches: a lock and a wake-up per element cost more than the
/// element's work (docs/performance.md). The sender ends the stream with
/// ``finish(throwing:)``; the receiver may give up early with ``cancel()``.
///
/// ```swift
/// let queue = BoundedQueue<Item>(capacity: 1024)
/// // sender:   var batch = [...]; guard queue.send(&batch) else { return }; queue.finish()
/// // receiver: while let items = try queue.receive() { for item in items { ... } }
/// ```
public final class BoundedQueue<Element>: @unchecked Sendable {
    // @unchecked: every stored property but `capacity` is read and written under `condition`.
    private let condition = NSCondition()
    private var items: [Element] = []
    private var finished = false
    private var cancelled = false
    private var failure: Error?
    private let capacity: Int

    /// A queue that makes senders wait once `capacity` elements wait.
    public init(capacity: Int) { self.capacity = capacity }

    /// Queues `batch` in order and empties it (keeping its storage), waiting while the
    /// queue is full. Returns `false`, and queues nothing, once the receiver has cancelled.
    @discardableResult
    public func send(_ batch: inout [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items += batch
        batch.removeAll(keepingCapacity: true)
        condition.broadcast()
        return true
    }

    /// The sender is done; with `error`, the receiver's ``receive()`` throws it once every
    /// element queued before has been received.
    public func finish(throwing error: Error? = nil) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Every element waiting, in order, waiting for one if none is; `nil` once the sender
    /// has finished and all were received. Throws the error the sender finished with.
    public func receive() throws -> [Element]? {
        condition.lock()
        while items.isEmpty && !finished && !cancelled { condition.wait() }
        // Taken whole and a new array started: emptying in place would keep a second
        // buffer of the full capacity alive while the caller holds this one.
        let taken = items
        items = []
        let error = taken.isEmpty ? failure : nil
        condition.broadcast()
        condition.unlock()
        if let error { throw error }
        return taken.isEmpty ? nil : taken
    }

    /// The receiver gives up: waiting elements are dropped, and every later
    /// ``send(_:)`` returns `false` at once.
    public func cancel() {
        condition.lock()
        cancelled = true
        items = []
        condition.broadcast()
        condition.unlock()
    }
}
