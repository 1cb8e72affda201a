import Foundation
import LegCareCore
import LegCareRun

/// `plans.jsonl`: one line per client as they stream, into a scratch file; once the week
/// is booked, one pass copies it into place with each due client's `booking` added.
/// Booking needs every client, long after the first lines are written; copying the
/// lines once is cheaper than holding them (docs/performance.md).
final class PlansSink {
    private static let scratchName = "plans.jsonl.part"
    private let folder: RunFolder
    private let scratch: BufferedFile

    init(folder: RunFolder) throws {
        self.folder = folder
        scratch = BufferedFile(try folder.create(Self.scratchName), name: folder.path(Self.scratchName))
    }

    /// Writes one client's line.
    func add(_ plan: Plan) throws { try scratch.write(bytes: PlanJSON.lineBytes(for: plan)) }

    /// Closes the scratch file: every line is written.
    func closeScratch() throws { try scratch.close() }

    /// Writes `plans.jsonl`, each due client's line with its booking from `timetable`.
    func finish(booking timetable: Timetable) throws {
        let rows = timetable.rows
        // Places in the timetable, in the order of the lines they book.
        var byLine = rows.indices.map { Int32($0) }
        byLine.sort { rows.order(at: Int($0)) < rows.order(at: Int($1)) }
        let final = try folder.create("plans.jsonl")
        try PlanLinesBooking.copy(
            from: folder.path(Self.scratchName), to: final,
            bookings: byLine.lazy.map { (line: rows.order(at: Int($0)), json: PlanLinesBooking.json(rows[Int($0)])) })
        try final.close()
        try folder.remove(Self.scratchName)
    }
}
