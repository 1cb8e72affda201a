import Foundation
import LegCareCore
import LegCareRun

/// The client's pages: `handouts/<id>-<name>.txt` for each client as they stream, the same
/// text in `handouts-print.txt`, and at the end each therapist's `print/<therapist>.txt`.
final class HandoutSink {
    /// Between two handouts in the print files: a form feed, a new page on a printer.
    static let pageBreak = "\u{0C}"
    private let folder: RunFolder
    private let template: HandoutTemplate
    private let config: ClinicConfig
    private let asOf: Day
    private let print: BufferedFile
    private var namer: HandoutFileNamer
    /// Where each therapist's handouts lie in `handouts-print.txt`.
    private var bundles: PrintBundles
    private var count = 0

    init(folder: RunFolder, template: HandoutTemplate, config: ClinicConfig, asOf: Day, expectedClients: Int) throws {
        self.folder = folder
        self.template = template
        self.config = config
        self.asOf = asOf
        print = BufferedFile(try folder.create("handouts-print.txt"), name: folder.path("handouts-print.txt"))
        _ = try folder.folder("handouts")
        bundles = try PrintBundles(separator: Self.pageBreak.utf8.count, scratchFolder: folder.stagingPath)
        namer = HandoutFileNamer(expected: expectedClients)
    }

    /// Writes one client's handout and its print copy. A handout file the file system
    /// refuses writes nothing of the client and comes back as a sentence for the
    /// input-issues list; a broken environment (disk full, no permission) throws.
    func add(_ plan: Plan, profile: ClientProfile, changes: [PlanChange]) throws -> String? {
        let text = template.renderBytes(plan: plan, profile: profile, config: config, asOf: asOf, changes: changes)
        let name = namer.name(clientID: profile.clientID, name: profile.name)
        do {
            try folder.write("handouts/" + name, bytes: text)
        } catch let error as RunFolderError where !error.isEnvironmental {
            return "could not be written: its handout file was refused (\(error.reason)); expected a row LegCare can save"
        }
        if count > 0 { try print.write(Self.pageBreak) }
        try bundles.add(therapist: profile.therapist ?? "", offset: print.offset, length: text.count)
        try print.write(bytes: text)
        count += 1
        return nil
    }

    /// Closes `handouts-print.txt`; the names taken are let go.
    func closePrintFile() throws {
        try print.close()
        namer = HandoutFileNamer()
    }

    /// `print/<therapist>.txt` (and `print/unassigned.txt`): each therapist's handouts,
    /// copied from `handouts-print.txt` in input order. Reading the one print file back is
    /// cheaper than opening every handout again (docs/performance.md); one bundle is open
    /// at a time, so thousands of therapists never hold thousands of files open.
    func writePrintBundles() throws {
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
        bundles = PrintBundles(separator: Self.pageBreak.utf8.count)
    }
}
