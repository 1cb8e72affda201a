import Foundation
import LegCareCore
import Synchronization

/// A ``SpillStore`` in an unlinked scratch file of the run's staging folder
/// (``ScratchRows``): the session log's volume records wait there from the logs' reading
/// until the summary sheets total them.
///
/// Written by the thread reading the log, then read by the workbook's thread; a mutex
/// keeps the two apart should they ever overlap.
///
/// ```swift
/// let store = try ScratchStore(folder: staging)
/// var log = SessionLog(store: store)   // volumes on disk, visits in memory
/// ```
public final class ScratchStore: SpillStore, @unchecked Sendable {
    // @unchecked: `file` is a class that is only touched inside `mutex`.
    private let file: ScratchRows
    private let mutex = Mutex(())

    /// A new, empty store in `folder`.
    public init(folder: String) throws { file = try ScratchRows(folder: folder) }

    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        _ = try mutex.withLock { _ in try file.append(record: Array(bytes)) }
    }

    public func readAll(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try mutex.withLock { _ in try file.readBackRecords { chunk in try chunk.withUnsafeBytes(body) } }
    }
}
