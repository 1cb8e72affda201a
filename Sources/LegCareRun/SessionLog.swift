import LegCareCore

/// The delivered-session log: each session's day, therapist, kind and outcome, for totals per
/// week, therapist and kind and for each client's visits, no-shows and rebooking.
///
/// Held compactly, since it is the largest block of a large run (docs/performance.md):
/// therapists are numbered, every session is an 8-byte link chained per client in file
/// order (its visits) and a 12-byte volume record, in memory or, with a ``SpillStore``, on
/// disk until a sheet asks for volumes, which are totalled from the records then.
public struct SessionLog: Sendable {
    /// One client's session: when, and what became of it.
    public typealias Visit = SessionVisit

    /// Totals for one therapist in one ISO week.
    public struct Volume: Hashable, Sendable {
        /// Both totals added.
        public static func + (a: Volume, b: Volume) -> Volume {
            Volume(
                completed: a.completed + b.completed, cancelled: a.cancelled + b.cancelled, noShow: a.noShow + b.noShow,
                minutes: a.minutes + b.minutes)
        }

        public var completed = 0
        public var cancelled = 0
        public var noShow = 0
        public var minutes = 0

        public init(completed: Int = 0, cancelled: Int = 0, noShow: Int = 0, minutes: Int = 0) {
            self.completed = completed
            self.cancelled = cancelled
            self.noShow = noShow
            self.minutes = minutes
        }
    }

    /// One session of a client, and the next of the same client (-1: the last): what a
    /// client's visits and last session are read from while clients stream. 8 bytes: the
    /// day's serial (years 1-9999 lie under 2^22) with the status in its low two bits,
    /// and the next one's place (Int32: a log of 2^31 rows would be a file of over 100
    /// GB).
    private struct Link: Sendable {
        var dayAndStatus: Int32
        var next: Int32

        var day: Int { Int(dayAndStatus >> 2) }
        var status: Int { Int(dayAndStatus & 3) }
    }

    /// One session as the volumes count it: its day, therapist, kind, minutes and status.
    /// 12 bytes: minutes are 1-240. Kept in a ``SpillStore`` when the log has one, read back
    /// when a sheet asks for volumes.
    /// Apart from the links, because the volumes are only asked for after the last client.
    struct Record: Sendable {
        var day: Int32
        var therapist: Int32
        var minutes: UInt16
        var status: UInt8
        var kind: UInt8
    }

    /// The bytes a session takes in memory while clients stream (for the test that keeps
    /// it small): its link, when its volume record waits in a store.
    public static let recordBytes = MemoryLayout<Link>.stride
    /// The bytes of a session's volume record.
    public static let volumeRecordBytes = MemoryLayout<Record>.stride

    /// Rows counted.
    public private(set) var rows = 0
    /// Days are Int32 (a parsed date lies in years 1-9999); counts of sessions and
    /// therapists are Int, so no log is too long for them.
    private var therapistNumbers: [String: Int] = [:]
    var therapistNames: [String] = []
    /// Each client's number; by number, the first and last of its records and its first
    /// row (Int32, as the records' chain).
    private var clientNumbers = IDTable()
    private var firstRecord: [Int32] = []
    private var lastRecord: [Int32] = []
    private var firstRows: [Int32] = []
    private var links: [Link] = []
    /// The volume records: all of them, or, with a store, those not yet written to it.
    var records: [Record] = []
    let store: SpillStore?
    /// Volume records gathered before each write to the store.
    let storeBatch: Int
    /// What went wrong writing to the store, for ``finishAdding()`` to throw.
    private var storeFailure: (any Error)?
    /// Whether ``reserveCapacity(rows:)`` made room up front.
    private var reserved = false
    static let kindCases = DeliveredKind.allCases
    static let kinds = kindCases.map(\.rawValue)
    static let statuses = SessionStatus.allCases

    /// An empty log holding everything in memory.
    public init() {
        store = nil
        storeBatch = 0
    }

    /// An empty log whose volume records wait in `store` (a scratch file) until a sheet
    /// asks for volumes, written `batch` at a time.
    public init(store: SpillStore, batch: Int = 1 << 16) {
        precondition(batch > 0, "a batch holds records")
        self.store = store
        storeBatch = batch
    }

    /// Adds one session; `row` is its row in the file (for warnings about its client).
    public mutating func add(_ s: SessionRecord, row: Int = 0) {
        rows += 1
        let name = s.therapist ?? "unassigned"
        let (therapist, newTherapist) = Self.number(of: name, in: &therapistNumbers)
        if newTherapist { therapistNames.append(name) }
        // A blank kind is counted as `other`, under the same key as an explicit `other`
        // (two keys both named "other" made one overwrite the other in the sheets).
        let kind = UInt8(Self.kindCases.firstIndex(of: s.kind ?? .other)!)
        let status = Self.statuses.firstIndex(of: s.status)!
        records.append(
            Record(
                day: Int32(s.day.serial), therapist: Int32(therapist), minutes: UInt16(clamping: s.minutes), status: UInt8(status),
                kind: kind))
        if store != nil && records.count >= storeBatch { writeRecords() }
        let index = Int32(links.count)
        links.append(Link(dayAndStatus: Int32(s.day.serial) << 2 | Int32(status), next: -1))
        if lastRecord.count < firstRecord.count { findLastRecords() }
        let (c, newClient) = clientNumbers.insert(s.clientID)
        if newClient {
            firstRecord.append(index)
            lastRecord.append(index)
            firstRows.append(Int32(clamping: row))
        } else {
            links[Int(lastRecord[c])].next = index
            lastRecord[c] = index
        }
    }

    /// Writes the gathered volume records to the store (a failure is kept for
    /// ``finishAdding()``, and nothing more is written).
    private mutating func writeRecords() {
        guard let store, storeFailure == nil, !records.isEmpty else { return }
        do {
            try records.withUnsafeBytes { try store.append($0) }
            records.removeAll(keepingCapacity: true)
        } catch {
            storeFailure = error
        }
    }

    /// Every volume record, in file order: read back from the store, when there is one,
    /// each time a sheet asks. Not kept once read: a copy kept here would be shared by
    /// every copy of the log until the last sheet.
    func allRecords() throws -> [Record] {
        guard let store else { return records }
        var all: [Record] = []
        all.reserveCapacity(rows)
        try store.readAll { bytes in
            precondition(bytes.count % Self.volumeRecordBytes == 0, "the store gives back whole records")
            let (old, count) = (all.count, bytes.count / Self.volumeRecordBytes)
            all.append(contentsOf: repeatElement(Record(day: 0, therapist: 0, minutes: 0, status: 0, kind: 0), count: count))
            all.withUnsafeMutableBytes { into in
                into.baseAddress!.advanced(by: old * Self.volumeRecordBytes).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
            }
        }
        all += records
        return all
    }

    /// Room for up to `rows` sessions (a high guess from the file's size), asked for before
    /// the first: the arrays never grow by doubling, which held the old and the new
    /// storage at once, and ``finishAdding()`` need not copy them to shed their room. Room
    /// never written costs address space, not memory: arrays this large get pages of their
    /// own, given only when written (see `FreedMemory.handLargeBlocksBack`).
    public mutating func reserveCapacity(rows: Int) {
        records.reserveCapacity(store == nil ? rows : storeBatch)
        links.reserveCapacity(rows)
        firstRecord.reserveCapacity(rows)
        lastRecord.reserveCapacity(rows)
        firstRows.reserveCapacity(rows)
        reserved = true
    }

    /// Once every session is added: writes the last volume records to the store, lets go
    /// of what only adding needs (each client's last record) and, unless room was
    /// reserved, of the room the arrays kept to grow (an array that doubles holds up to
    /// twice what it needs). Adding more sessions afterwards still works. Throws what writing to
    /// the store threw.
    public mutating func finishAdding() throws {
        writeRecords()
        if let storeFailure { throw storeFailure }
        if store != nil { records = [] }
        if !reserved {
            records = records.withUnsafeBufferPointer { Array($0) }
            links = links.withUnsafeBufferPointer { Array($0) }
            firstRecord = firstRecord.withUnsafeBufferPointer { Array($0) }
            firstRows = firstRows.withUnsafeBufferPointer { Array($0) }
        }
        lastRecord = []
    }

    /// Each client's last record again, after ``finishAdding()``, from their chains.
    private mutating func findLastRecords() {
        lastRecord = firstRecord.map { first in
            var i = first
            while links[Int(i)].next >= 0 { i = links[Int(i)].next }
            return i
        }
    }

    /// Each of a client's sessions in file order, with no array made; `false` when the
    /// log has none.
    private func forEachVisit(of clientID: String, _ body: (Visit) -> Void) -> Bool {
        guard let c = clientNumbers.number(of: clientID) else { return false }
        var i = Int(firstRecord[c])
        while i >= 0 {
            let link = links[i]
            body(Visit(day: Day(serial: link.day), status: Self.statuses[link.status]))
            i = Int(link.next)
        }
        return true
    }

    /// A client's sessions in file order; `nil` when the log has none.
    public func visits(of clientID: String) -> [Visit]? {
        var out: [Visit] = []
        return forEachVisit(of: clientID) { out.append($0) } ? out : nil
    }

    /// A client's last completed session on or before a day (later sessions are bookings).
    public func lastCompleted(_ clientID: String, onOrBefore day: Day) -> Day? {
        var best: Day?
        _ = forEachVisit(of: clientID) { v in
            if v.status == .completed && v.day <= day && best.map({ v.day > $0 }) ?? true { best = v.day }
        }
        return best
    }

    /// Each client the log names, with its number (`0..<clientCount`) and the row of its
    /// first session.
    public var clients: some Sequence<(id: String, number: Int, firstRow: Int)> {
        clientNumbers.ids.indices.lazy.map { (clientNumbers[$0], $0, Int(firstRows[$0])) }
    }

    /// How many clients the log names.
    public var clientCount: Int { clientNumbers.count }

    /// Lets go of what is kept per client (its number, its chain of sessions, its first
    /// row): once every client is written, only the volumes are still asked for. Each
    /// copy of the log holds the index until it lets go itself. Afterwards the log names
    /// no client; its volumes are unchanged.
    public mutating func releaseClients() {
        clientNumbers.removeAll()
        firstRecord = []
        lastRecord = []
        firstRows = []
        links = []
    }

    /// A client's number in ``clients``, when the log names it.
    public func number(of clientID: String) -> Int? { clientNumbers.number(of: clientID) }

    /// Every ISO week with a logged session, oldest first.
    public var weeks: [String] {
        get throws {
            let records = try allRecords()
            let mondays = Set(Set(records.map(\.day)).map { d in Day(serial: Int(d)).adding(days: 1 - Day(serial: Int(d)).weekday) })
            return mondays.sorted().map(\.isoWeekName)
        }
    }
}

/// Fixed-size records kept outside memory until asked for again, in the order written:
/// a scratch file, which the reports module makes (this module touches no files).
/// Written by one thread; once written, read by any.
public protocol SpillStore: AnyObject, Sendable {
    /// Adds bytes after those written so far.
    func append(_ bytes: UnsafeRawBufferPointer) throws
    /// Every byte written so far, in order, a chunk at a time (each chunk whole records
    /// of the writer's size, when every append was).
    func readAll(_ body: (UnsafeRawBufferPointer) throws -> Void) throws
}
