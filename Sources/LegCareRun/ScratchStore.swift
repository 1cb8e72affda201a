import Foundation
import LegCareCore

/// A ``SpillStore`` in an unlinked scratch file of the run's staging folder
/// (``ScratchRows``): the session log's volume records wait there from the logs' reading
/// until the summary sheets total them.
///
/// Written by the thread reading the log, then read by the workbook's thread; a lock keeps
/// the two apart should they ever overlap, which is why this type is `@unchecked Sendable`.
///
/// ```swift
/// let store = try ScratchStore(folder: staging)
/// var log = SessionLog(store: store)   // volumes on disk, visits in memory
/// ```
public final class ScratchStore: SpillStore, @unchecked Sendable {
    private let file: ScratchRows
    private let lock = NSLock()

    /// A new, empty store in `folder`.
    public init(folder: String) throws { file = try ScratchRows(folder: folder) }

    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        try file.append(record: Array(bytes))
    }

    public func readAll(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        try file.readBackRecords { chunk in try chunk.withUnsafeBytes(body) }
    }
}
