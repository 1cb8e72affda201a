import LegCareCore

/// Each athlete's training log from `training.csv` until the stream plans them: in
/// memory, or, once ``spill(into:)`` has run, in a scratch file (``ScratchRows``), with
/// the athlete's number and the place of their days in memory (about 40 bytes an athlete
/// instead of 16 bytes a day). Each log is taken once, by the client it belongs to.
///
/// Why: measured at 1,000,000 clients, the 3,000,000 days of a league's log (48 MB, and
/// the dictionary that held them) were at their largest when the clients began to stream,
/// the run's memory peak. On disk a day costs a write and a read of its 16 bytes.
///
/// Used by one thread at a time: the pipeline spills, then hands the logs to the stream's
/// thread, which alone takes from them; that hand-over is why this type is
/// `@unchecked Sendable`.
///
/// ```swift
/// let logs = TrainingLogs(result.histories)
/// try logs.spill(into: staging)
/// let history = try logs.take("S0000001")   // nil for a client with no rows
/// ```
public final class TrainingLogs: @unchecked Sendable {
    private var memory: [String: TrainingHistory]
    private var scratch: ScratchRows?
    private var ids = IDTable()
    /// By athlete number: where their days lie in the file; `nil` once taken.
    private var places: [ScratchRows.Place?] = []

    /// The logs, in memory.
    public init(_ histories: [String: TrainingHistory]) { memory = histories }

    /// Moves every log to a new scratch file in `folder` (the run's staging folder).
    public func spill(into folder: String) throws {
        guard scratch == nil, !memory.isEmpty else { return }
        let scratch = try ScratchRows(folder: folder)
        ids.reserveCapacity(memory.count)
        places.reserveCapacity(memory.count)
        for (id, history) in memory {
            ids.insert(id)
            places.append(try history.withEntryBytes { try scratch.append(record: Array($0)) })
        }
        try scratch.flush()
        self.scratch = scratch
        memory = [:]
        FreedMemory.release()  // the logs were read on a thread now gone: its heap keeps them otherwise
    }

    /// The log of `clientID`, once: `nil` with no rows, or when already taken.
    public func take(_ clientID: String) throws -> TrainingHistory? {
        guard let scratch else { return memory.removeValue(forKey: clientID) }
        guard let n = ids.number(of: clientID), let place = places[n] else { return nil }
        places[n] = nil
        return try scratch.record(at: place).withUnsafeBytes { TrainingHistory(entryBytes: $0) }
    }
}
