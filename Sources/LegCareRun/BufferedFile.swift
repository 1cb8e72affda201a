import Foundation

/// A file written through a buffer: one system call per buffer, not per client, for the
/// files that get a few hundred bytes per client (plans.jsonl, the print files).
package final class BufferedFile {
    private let handle: FileHandle
    /// How errors name the file.
    private let name: String
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Bytes written so far (the offset the next write starts at).
    package private(set) var offset = 0

    package init(_ handle: FileHandle, name: String = "a file in the run folder", capacity: Int = 1 << 18) {
        self.handle = handle
        self.name = name
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

    /// Writes what is buffered with the system's own calls, so a full disk is a
    /// ``RunFolderError`` that says so in words.
    package func flush() throws {
        guard !buffer.isEmpty else { return }
        let fd = handle.fileDescriptor
        try buffer.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw RunFolderError(path: name, operation: "write", code: n < 0 ? errno : EIO) }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    package func close() throws {
        try flush()
        try handle.close()
    }
}
