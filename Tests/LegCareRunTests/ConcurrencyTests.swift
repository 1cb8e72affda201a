import Foundation
import Synchronization
import Testing

@testable import LegCareRun

/// A result with an identity, to see who still holds it.
private final class Token: Sendable {}

@Suite("Worker: work on a thread of its own")
struct WorkerTests {
    @Test("the result is handed over, not kept: once the caller lets it go, it is gone")
    func handsOver() throws {
        let work = Worker(name: "test-handover") { Token() }
        weak var held: Token?
        do {
            let token = try work.wait()
            held = token
            #expect(held != nil)
        }
        #expect(held == nil, "the worker kept its own copy of the result")
        withExtendedLifetime(work) {}
    }

    @Test("what the work captured is let go when the work returns, before anyone waits")
    func letsGoOfCaptures() throws {
        weak var captured: Token?
        let started = Worker<Int>(name: "test-captures") {
            let token = Token()
            captured = token
            return withExtendedLifetime(token) { 1 }
        }
        #expect(try started.wait() == 1)
        #expect(captured == nil)
    }

    @Test("what the work threw comes out of wait()")
    func throwsThrough() {
        struct Failure: Error {}
        let work = Worker(name: "test-throws") { () throws -> Int in throw Failure() }
        #expect(throws: Failure.self) { try work.wait() }
    }
}

@Suite("BoundedQueue: one thread to another, in order, never more than its capacity")
struct BoundedQueueTests {
    struct Failure: Error, Equatable {}

    @Test("every element arrives once, in order, from a sender much faster than the receiver")
    func inOrder() throws {
        let queue = BoundedQueue<Int>(capacity: 8)
        let sender = Worker(name: "test-sender") {
            for start in stride(from: 0, to: 1000, by: 5) {
                var batch = Array(start..<start + 5)
                #expect(queue.send(&batch))
                #expect(batch.isEmpty)
            }
            queue.finish()
        }
        var received: [Int] = []
        while let items = try queue.receive() { received += items }
        try sender.wait()
        #expect(received == Array(0..<1000))
    }

    @Test("a sender waits while the queue is full, and goes on once the receiver takes")
    func senderWaitsWhenFull() throws {
        let queue = BoundedQueue<Int>(capacity: 2)
        let sent = Atomic(0)
        var first = [1, 2]
        queue.send(&first)
        let sender = Worker(name: "test-full") {
            var more = [3]
            queue.send(&more)
            sent.add(1, ordering: .sequentiallyConsistent)
            queue.finish()
        }
        usleep(50_000)
        #expect(sent.load(ordering: .sequentiallyConsistent) == 0, "sent into a full queue")
        #expect(try queue.receive() == [1, 2])
        try sender.wait()
        #expect(sent.load(ordering: .sequentiallyConsistent) == 1)
        #expect(try queue.receive() == [3])
        #expect(try queue.receive() == nil)
    }

    @Test("the sender's error comes after every element it queued before it")
    func errorAfterElements() throws {
        let queue = BoundedQueue<Int>(capacity: 4)
        var batch = [7]
        queue.send(&batch)
        queue.finish(throwing: Failure())
        #expect(try queue.receive() == [7])
        #expect(throws: Failure.self) { try queue.receive() }
    }

    @Test("once the receiver cancels, a waiting sender and every later send return false")
    func cancelReleasesTheSender() throws {
        let queue = BoundedQueue<Int>(capacity: 1)
        var full = [1]
        queue.send(&full)
        let sender = Worker(name: "test-cancel") { () -> Bool in
            var more = [2]
            return queue.send(&more)
        }
        usleep(20_000)
        queue.cancel()
        #expect(try sender.wait() == false)
        var late = [3]
        #expect(!queue.send(&late))
        #expect(try queue.receive() == nil)
    }
}
