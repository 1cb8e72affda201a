import Foundation

/// A file written through a buffer: one system call per buffer, not per client, for the
/// files that get a few hundred bytes per client (plans.jsonl, the print files).
package final class BufferedFile {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Bytes written so far (the offset the next write starts at).
    package private(set) var offset = 0

    package init(_ handle: FileHandle, capacity: Int = 1 << 18) {
        self.handle = handle
        self.capacity = capacity
    }

    package func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        offset += text.utf8.count
        if buffer.count >= capacity { try flush() }
    }

    package func write(bytes: [UInt8]) throws {
        buffer += bytes
        offset += bytes.count
        if buffer.count >= capacity { try flush() }
    }

    package func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        offset += bytes.count
        if buffer.count >= capacity { try flush() }
    }

    package func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    package func close() throws {
        try flush()
        try handle.close()
    }
}
