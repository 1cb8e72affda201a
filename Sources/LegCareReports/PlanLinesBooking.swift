import Foundation
import LegCareCore

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

    /// Copies `scratch` into `output`, giving line `i` (0-based) the booking in `bookings[i]`.
    static func copy(from scratch: String, to output: FileHandle, bookings: [Int: String]) throws {
        guard let input = FileHandle(forReadingAtPath: scratch) else {
            throw RunFolderError(path: scratch, operation: "read back", code: errno)
        }
        defer { try? input.close() }
        var pending: [UInt8] = []
        var line = 0
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending += chunk
            var start = 0
            while let end = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                if let booking = bookings[line], end > start, pending[end - 1] == UInt8(ascii: "}") {
                    out += pending[start..<(end - 1)]
                    out += Array(",\"booking\":\(booking)}\n".utf8)
                } else {
                    out += pending[start...end]
                }
                line += 1
                start = end + 1
            }
            pending.removeFirst(start)
            if out.count >= 1 << 20 {
                try output.write(contentsOf: out)
                out.removeAll(keepingCapacity: true)
            }
        }
        out += pending
        try output.write(contentsOf: out)
    }
}
