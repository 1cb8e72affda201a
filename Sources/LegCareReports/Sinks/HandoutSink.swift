import Foundation
import LegCareCore
import LegCareRun

/// The client's pages: `handouts/<id>-<name>.txt`, the same text in `handouts-print.txt`,
/// and each therapist's `print/<therapist>.txt`.
///
/// A client not due this week has their handout written as they stream. A due client's
/// handout names the day booked, known only once every client is in: it waits in a scratch
/// file with a marker line, and ``finish(booking:)`` writes it with its booking. The print
/// file is written then too, every handout in input order.
final class HandoutSink {
    /// Between two handouts in the print files: a form feed, a new page on a printer.
    static let pageBreak = "\u{0C}"
    private let folder: RunFolder
    private let template: HandoutTemplate
    private let config: ClinicConfig
    private let asOf: Day
    /// Every handout in input order: its file name when still to write (else ""), the
    /// therapist, and the text.
    private let drafts: ScratchRows
    private var namer: HandoutFileNamer
    private var record = ScratchRecord.Writer()
    private var count = 0

    init(folder: RunFolder, template: HandoutTemplate, config: ClinicConfig, asOf: Day, expectedClients: Int) throws {
        self.folder = folder
        self.template = template
        self.config = config
        self.asOf = asOf
        drafts = try ScratchRows(folder: folder.stagingPath)
        _ = try folder.folder("handouts")
        namer = HandoutFileNamer(expected: expectedClients)
    }

    /// Writes one client's handout, or keeps it for its booking. A handout file the file
    /// system refuses writes nothing of the client and comes back as a sentence for the
    /// input-issues list; a broken environment (disk full, no permission) throws.
    func add(_ plan: Plan, profile: ClientProfile, changes: [PlanChange]) throws -> String? {
        let text = template.renderBytes(plan: plan, profile: profile, config: config, asOf: asOf, changes: changes)
        let name = namer.name(clientID: profile.clientID, name: profile.name)
        let waits = BookingWording.hasMarker(text)
        // A handout waiting for its booking takes its file now, empty: a name the file
        // system refuses rejects the client here, as any other.
        do {
            try folder.write("handouts/" + name, bytes: waits ? [] : text)
        } catch let error as RunFolderError where !error.isEnvironmental {
            return "could not be written: its handout file was refused (\(error.reason)); expected a row LegCare can save"
        }
        record.reset()
        record.put(waits ? name : "")
        record.put(profile.therapist ?? "")
        record.put(raw: text)
        try drafts.append(record: record.bytes)
        count += 1
        return nil
    }

    /// Once the week is booked: each waiting handout written with its booking (the row of
    /// `timetable` with the client's input order), and `handouts-print.txt` with every
    /// handout.
    func finish(booking timetable: Timetable) throws {
        namer = HandoutFileNamer()
        var rowOf = [Int32](repeating: -1, count: count)
        let rows = timetable.rows
        for i in rows.indices where rows.order(at: i) < count { rowOf[rows.order(at: i)] = Int32(i) }
        let print = BufferedFile(try folder.create("handouts-print.txt"), name: folder.path("handouts-print.txt"))
        var bundles = try PrintBundles(separator: Self.pageBreak.utf8.count, scratchFolder: folder.stagingPath)
        var i = 0
        try drafts.readBackRecords { bytes in
            var fields = ScratchRecord.Reader(bytes)
            let name = fields.text() ?? ""
            let therapist = fields.text() ?? ""
            var text = fields.rest()
            if !name.isEmpty {
                text =
                    BookingWording.finish(
                        Array(text), row: rowOf[i] >= 0 ? rows[Int(rowOf[i])] : nil, languages: template.languages)[...]
                try folder.fill("handouts/" + name, bytes: Array(text))
            }
            if i > 0 { try print.write(Self.pageBreak) }
            try bundles.add(therapist: therapist, offset: print.offset, length: text.count)
            try text.withUnsafeBytes { try print.write($0) }
            i += 1
        }
        try print.close()
        try writePrintBundles(bundles)
    }

    /// `print/<therapist>.txt` (and `print/unassigned.txt`): each therapist's handouts,
    /// copied from `handouts-print.txt` in input order. Reading the one print file back is
    /// cheaper than opening every handout again (docs/performance.md); one bundle is open
    /// at a time, so thousands of therapists never hold thousands of files open.
    private func writePrintBundles(_ bundles: PrintBundles) throws {
        _ = try folder.folder("print")
        let path = folder.path("handouts-print.txt")
        let source = open(path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw RunFolderError(path: path, operation: "read back", code: errno) }
        defer { close(source) }
        var namer = HandoutFileNamer()
        let unassigned = namer.name(clientID: "", name: "unassigned")
        var bytes = [UInt8](repeating: 0, count: bundles.longest)
        try bundles.forEachTherapist { therapist, ranges in
            let file = BufferedFile(
                try folder.create("print/" + (therapist.isEmpty ? unassigned : namer.name(clientID: "", name: therapist))))
            for (i, range) in ranges.enumerated() {
                if i > 0 { try file.write(Self.pageBreak) }
                try bytes.withUnsafeMutableBytes { buffer in
                    let read = pread(source, buffer.baseAddress, range.count, off_t(range.lowerBound))
                    guard read == range.count else {
                        throw RunFolderError(path: path, operation: "read back", code: read < 0 ? errno : EIO)
                    }
                    try file.write(UnsafeRawBufferPointer(rebasing: buffer[0..<range.count]))
                }
            }
            try file.close()
        }
    }
}
