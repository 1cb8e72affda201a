import LegCareCore
import LegCareRun

/// The clients due a session this week, kept on disk until the week is booked: each
/// booking request and the client's name as one record of a scratch file
/// (``ScratchRows``: unlinked at once, in the run's staging folder).
///
/// Why: booking needs every request at once; on disk they skip the stream's memory peak
/// and come back once the id tables are gone. A record is written and read once.
///
/// ```swift
/// let pending = try PendingBookings(folder: staging)
/// try pending.append(request, name: profile.name)   // for each due client, in input order
/// let (requests, names) = try pending.readBack()
/// ```
final class PendingBookings {
    private let scratch: ScratchRows
    /// Requests written, and the bytes of their names.
    private(set) var count = 0
    private var nameBytes = 0
    /// One record's bytes, reused.
    private var record = ScratchRecord.Writer()
    private static let kinds = SessionKind.allCases
    private static let levels = AttentionLevel.allCases

    /// A new, empty list in `folder`.
    init(folder: String) throws { scratch = try ScratchRows(folder: folder) }

    /// Adds a request and the client's name; requests come in input order (their `order`
    /// rising), as ``ClientNames`` needs them.
    func append(_ r: BookingRequest, name: String) throws {
        record.reset()
        record.put(r.order)
        for n in [r.minutes, r.window.from.serial, r.window.to.serial, r.overdueDays] { record.put(int32: n) }
        record.put(UInt8(Self.kinds.firstIndex(of: r.kind)!))
        record.put(r.attention.map { UInt8(Self.levels.firstIndex(of: $0)! + 1) } ?? 0)
        for text in [r.clientID, r.team, r.therapist, name] { record.put(text) }
        try scratch.append(record: record.bytes)
        count += 1
        nameBytes += name.utf8.count
    }

    /// Every request, compactly, and the clients' names by their order, in the order added.
    func readBack() throws -> (Timetable.Pending, ClientNames) {
        var pending = Timetable.Pending()
        pending.reserveCapacity(count)
        var names = ClientNames()
        names.reserveCapacity(count, bytes: nameBytes)
        try scratch.readBackRecords { bytes in
            var r = ScratchRecord.Reader(bytes)
            let order = r.int()
            let (minutes, from, to, overdue) = (r.int32(), r.int32(), r.int32(), r.int32())
            let kind = Self.kinds[Int(r.u8())]
            let level = Int(r.u8())
            let (clientID, team, therapist, name) = (r.text() ?? "", r.text(), r.text(), r.text() ?? "")
            pending.append(
                BookingRequest(
                    clientID: clientID, team: team, therapist: therapist, kind: kind, minutes: minutes,
                    window: DayRange(from: Day(serial: from), to: Day(serial: to)),
                    attention: level == 0 ? nil : Self.levels[level - 1], overdueDays: overdue, order: order))
            names.append(order: order, name: name)
        }
        return (pending, names)
    }
}
