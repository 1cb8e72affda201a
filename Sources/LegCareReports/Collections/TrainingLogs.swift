import LegCareCore
import LegCareRun

/// Each athlete's training log from `training.csv` until the stream plans them: in
/// memory (as `check` runs, writing nothing), or in a scratch file (``ScratchRows``), with
/// the athlete's number and the place of their days in memory (about 40 bytes an athlete
/// instead of 16 bytes a day). Each log is taken once, by the client it belongs to.
///
/// Why: a league's days were the largest block when clients begin to stream; on disk a day
/// costs a write and a read of its 16 bytes. A log made on disk takes the histories in
/// pieces while the file is read (``add(_:)``), so the days are never all in memory.
///
/// ```swift
/// let logs = try TrainingLogs(scratchFolder: staging)
/// let result = try TrainingReader.read(source, file: "training.csv", spill: logs.add)
/// let history = try logs.take("S0000001")   // nil for a client with no rows
/// ```
public final class TrainingLogs: @unchecked Sendable {
    // @unchecked: one thread at a time: the reading worker adds, then the stream's takes.
    private var memory: [String: TrainingHistory]
    private var scratch: ScratchRows?
    private var ids = IDTable()
    /// By athlete number: where their first piece lies in the file; `nil` once taken.
    private var places: [ScratchRows.Place?] = []
    /// The later pieces of athletes whose rows came in more than one piece (a file not
    /// ordered by athlete, or an athlete's rows across a hand-over), in file order.
    private var laterPlaces: [Int: [ScratchRows.Place]] = [:]

    /// The logs, in memory.
    public init(_ histories: [String: TrainingHistory]) { memory = histories }

    /// No logs yet, to be kept in a new scratch file in `folder` (the run's staging
    /// folder) as pieces come (``add(_:)``).
    public init(scratchFolder folder: String) throws {
        memory = [:]
        scratch = try ScratchRows(folder: folder)
    }

    /// Adds a piece of the logs: the rows of each athlete read since the last piece.
    /// Each goes to the scratch file (to memory when there is none).
    public func add(_ piece: [String: TrainingHistory]) throws {
        guard let scratch else {
            for (id, history) in piece { memory[id, default: TrainingHistory()].append(history) }
            return
        }
        // In id order: where each lands in the file then does not depend on hashing.
        for (id, history) in piece.sorted(by: { $0.key < $1.key }) {
            let (n, new) = ids.insert(id)
            let place = try history.withEntryBytes { try scratch.append(record: Array($0)) }
            if new { places.append(place) } else { laterPlaces[n, default: []].append(place) }
        }
        try scratch.flush()
    }

    /// Once the last piece is added: hands back what reading freed (the logs were read on
    /// a thread now gone, and its heap keeps what it freed otherwise).
    public func finishAdding() { FreedMemory.release() }

    /// The log of `clientID`, once: `nil` with no rows, or when already taken.
    public func take(_ clientID: String) throws -> TrainingHistory? {
        guard let scratch else { return memory.removeValue(forKey: clientID) }
        guard let n = ids.number(of: clientID), let place = places[n] else { return nil }
        places[n] = nil
        var history = try scratch.record(at: place).withUnsafeBytes { TrainingHistory(entryBytes: $0) }
        for later in laterPlaces.removeValue(forKey: n) ?? [] {
            history.append(try scratch.record(at: later).withUnsafeBytes { TrainingHistory(entryBytes: $0) })
        }
        return history
    }
}
