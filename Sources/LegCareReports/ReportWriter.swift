import Foundation
import LegCareCore

/// Writes a run's outputs as plans arrive, one client at a time, so memory stays flat:
/// `plans.jsonl`, `handouts/`, `handouts-print.txt`, `summary.xlsx` and, at the end,
/// `input-issues.csv`. Nothing is visible until ``finish(diagnostics:facts:)`` publishes.
public final class ReportWriter {
    private let folder: RunFolder
    private let template: HandoutTemplate
    private let config: ClinicConfig
    private let asOf: Day
    private let plans: FileHandle
    private let print: FileHandle
    private let handoutsPath: String
    private var namer = HandoutFileNamer()
    private var count = 0
    private let summary: SummaryWorkbook

    /// How many unfinished folders of interrupted runs were removed when this run started.
    public var staleRemoved: Int { folder.staleRemoved }

    /// Stages a new run folder for the as-of day's ISO week under `out`.
    public init(out: String, template: HandoutTemplate, config: ClinicConfig, asOf: Day, clientsFileBytes: Int, hasTraining: Bool) throws {
        folder = try RunFolder(out: out, week: asOf.isoWeekName)
        self.template = template
        self.config = config
        self.asOf = asOf
        plans = try folder.create("plans.jsonl")
        print = try folder.create("handouts-print.txt")
        handoutsPath = try folder.folder("handouts")
        summary = try SummaryWorkbook(
            path: folder.path("summary.xlsx"), tmpdir: folder.stagingPath, config: config, asOf: asOf,
            constantMemory: clientsFileBytes > SummaryWorkbook.constantMemoryThresholdBytes, hasTraining: hasTraining)
    }

    /// Writes one client's handout, plan line, print copy and workbook rows.
    ///
    /// A failure that belongs to this client alone (the file system refuses its handout)
    /// writes nothing of the client and comes back as a sentence for the input-issues
    /// list, so one bad row never stops the others. A broken environment (disk full, no
    /// permission) still throws.
    public func add(_ plan: Plan, profile: ClientProfile) throws -> String? {
        let text = template.render(plan: plan, profile: profile, config: config, asOf: asOf)
        let name = namer.name(clientID: profile.clientID, name: profile.name)
        do {
            try folder.write("handouts/" + name, text)
        } catch let error as RunFolderError where !error.isEnvironmental {
            return "could not be written: its handout file was refused (\(error.reason)); expected a row LegCare can save"
        }
        try plans.write(contentsOf: Data((PlanJSON.line(for: plan) + "\n").utf8))
        try print.write(contentsOf: Data(((count > 0 ? "\u{0C}" : "") + text).utf8))
        try summary.add(plan, profile: profile)
        count += 1
        return nil
    }

    /// Writes the input issues and the workbook's summary sheets, checks the workbook,
    /// and publishes the folder. Returns its final path.
    public func finish(diagnostics: [Diagnostic], facts: RunFacts, sessions: SessionLog) throws -> String {
        try plans.close()
        try print.close()
        let workbookWarnings = try summary.finish(diagnostics: diagnostics, facts: facts, sessions: sessions)
        try folder.write("input-issues.csv", IssuesCSV.text(diagnostics + workbookWarnings))
        try folder.protect("summary.xlsx")
        try XLSXCheck.verify(path: folder.path("summary.xlsx"))
        return try folder.publish()
    }
}

/// The run's facts for the overview: rows read, accepted and rejected per file.
public struct RunFacts: Sendable {
    public struct FileCount: Sendable {
        public var file: String
        public var read: Int
        public var accepted: Int
        public var rejected: Int
        public init(file: String, read: Int, accepted: Int, rejected: Int) {
            self.file = file
            self.read = read
            self.accepted = accepted
            self.rejected = rejected
        }
    }
    public var files: [FileCount]
    public init(files: [FileCount]) { self.files = files }
}
