import Foundation
import LegCareCore
import LegCareRun

/// Adds `booking` to the `plans.jsonl` lines of clients due a session this week.
///
/// Plans are written as they are made, but bookings exist only once every client is
/// known. So the lines go to a scratch file first, and this one pass copies them into
/// `plans.jsonl` in the same order, each due client's object gaining its `booking`
/// (`{"date":..,"therapist":..}` or `null`). Memory holds one chunk, not the file.
enum PlanLinesBooking {
    /// The `booking` value of a timetable row.
    static func json(_ row: Timetable.Row) -> String {
        guard let date = row.date, let therapist = row.therapist else { return "null" }
        return JSONValue.object([("date", .string(date.description)), ("therapist", .string(therapist))]).serialized()
    }

    /// Copies `scratch` into `output`, giving each line named in `bookings` (0-based, in
    /// line order) that booking's JSON.
    ///
    /// Runs of lines without a booking are copied whole; each line break is found with
    /// `memchr` and the bookings are taken in line order. Each booking's text is made when
    /// its line comes, so they are never all held at once.
    static func copy<Bookings: Sequence<(line: Int, json: String)>>(
        from scratch: String, to output: FileHandle, bookings: Bookings
    ) throws {
        guard let input = FileHandle(forReadingAtPath: scratch) else {
            throw RunFolderError(path: scratch, operation: "read back", code: errno)
        }
        defer { try? input.close() }
        var upcoming = bookings.makeIterator()
        var next = upcoming.next()
        var line = 0
        var pending: [UInt8] = []
        var out: [UInt8] = []
        out.reserveCapacity(1 << 21)
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending += chunk
            var done = 0
            pending.withUnsafeBufferPointer { b in
                let base = b.baseAddress!
                var start = 0
                var copied = 0
                while start < b.count, let hit = memchr(base + start, 0x0A, b.count - start) {
                    let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    while let n = next, n.line < line { next = upcoming.next() }
                    if let n = next, n.line == line {
                        if end > start && b[end - 1] == UInt8(ascii: "}") {
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<(end - 1)]))
                            out.append(contentsOf: ",\"booking\":\(n.json)}".utf8)
                            copied = end
                        }
                        next = upcoming.next()
                    }
                    line += 1
                    start = end + 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<start]))
                done = start
            }
            pending.removeFirst(done)
            if out.count >= 1 << 20 {
                try output.write(contentsOf: out)
                out.removeAll(keepingCapacity: true)
            }
        }
        out += pending
        try output.write(contentsOf: out)
    }
}
