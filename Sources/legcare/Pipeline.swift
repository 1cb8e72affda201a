import Foundation
import LegCareCore
import LegCareIntake
import LegCareReports
import LegCareRun

/// The input files of one run.
struct Inputs {
    var clients: String
    var sessions: String?
    var training: String?
    var config: String?
    var asOf: Day
    /// A run folder to compare with; `nil`: the newest earlier week under the output folder.
    var previous: String? = nil
}

/// What a run found: its diagnostics and counts.
struct Outcome {
    var diagnostics: [Diagnostic]
    var rejected: Int
    var folder: String?
    /// How the inputs were read, for `validate`: each mapped column and each date order.
    var readingNotes: [String] = []
}

/// The run, as a recipe: each stage a typed value in, a typed value out.
enum Pipeline {
    /// Reads, plans and (when `out` is given) writes the week's reports; with `timings`,
    /// each stage's wall time goes to stderr at the end.
    static func run(_ inputs: Inputs, out: String?, timings showTimings: Bool = false) throws -> Outcome {
        FreedMemory.handLargeBlocksBack()
        var timings = StageTimings()
        var issues = Diagnostics()
        let started = StageTimings.now()
        // 1. Settings: clinic.yaml and the handout template; a broken one stops the run (exit 2).
        let config = try inputs.config.map(loadConfig) ?? ClinicConfig()
        let template = try HandoutTemplate.load(
            folder: config.templateFolder, language: config.language, configFile: inputs.config.map(name) ?? "clinic.yaml")

        // 2. Every input's header, column mapping and date order checked before anything is
        //    written (exit 2 writes nothing).
        let dates = try DateOrders(inputs, format: config.input)
        let read = ReadCounter()
        var clients = try ClientsReader(
            source: ByteSource(path: inputs.clients, counter: read), file: name(inputs.clients), asOf: inputs.asOf,
            format: config.input, dates: dates.clients.order, handoutLanguages: template.languages.tags)
        if let f = inputs.sessions { try SessionsReader.checkHeader(ByteSource(path: f), file: name(f), format: config.input) }
        if let f = inputs.training { try TrainingReader.checkHeader(ByteSource(path: f), file: name(f), format: config.input) }

        // 3. The run folder staged (report only), where the logs and scratch files wait.
        let folder = try out.map { try RunFolder(out: $0, week: inputs.asOf.isoWeekName) }
        if let removed = folder?.staleRemoved, removed > 0 {
            FileHandle.standardError.write(Data("legcare: removed \(removed) unfinished run folder(s) left by interrupted runs\n".utf8))
        }

        // 4. The logs: delivered sessions and squad training.
        var logs = try Logs.read(inputs, folder: folder, format: config.input, dates: dates, issues: &issues)
        timings.add("intake", StageTimings.now() - started)

        // 5. Last week's plans (report only): a damaged file is a warning.
        let previous = out.flatMap { loadPrevious(inputs, out: $0, issues: &issues) }

        // 6. Plan and write each client, in input order.
        let size = fileSize(inputs.clients)
        clients.reserveIDs(forFileBytes: size)
        let writer = try folder.map {
            try ReportWriter(
                folder: $0, template: template, config: config, asOf: inputs.asOf, clientsFileBytes: size,
                hasTraining: logs.training != nil, sessions: logs.sessions, previous: previous)
        }
        writer?.staleTraining = logs.staleTraining
        clients = try ClientStage.run(
            consume clients, engine: PlanEngine(settings: config.settings), logs: &logs, asOf: inputs.asOf, writer: writer,
            timings: &timings, progress: ProgressLine(file: name(inputs.clients), totalBytes: size, counter: read))
        issues.add(dates.clients.warning, to: .clients)
        issues.add(clients.diagnostics, to: .clients)

        // 7. Every problem, file by file.
        logs.finish(inputs, issues: &issues)
        let diagnostics = issues.all
        let counts = [
            RunFacts.FileCount(file: name(inputs.clients), read: clients.rowsRead, accepted: clients.accepted, rejected: clients.rejected)
        ]
        let facts = RunFacts(files: counts + logs.fileCounts)

        // 8. The week booked and written, the workbook closed and checked, the folder published.
        let published = try writer?.finish(diagnostics: diagnostics, facts: facts)
        if let writer { timings.merge(writer.timings) }
        if showTimings { FileHandle.standardError.write(Data("legcare: stage times\n\(timings.report())\n".utf8)) }
        if let published {
            let line = facts.files.map { "\($0.file): \($0.read) read, \($0.accepted) accepted, \($0.rejected) rejected" }
            FileHandle.standardError.write(Data("legcare: wrote \(published) (\(line.joined(separator: "; ")))\n".utf8))
        }
        let rejected = facts.files.map(\.rejected).reduce(0, +)
        return Outcome(
            diagnostics: diagnostics, rejected: rejected, folder: published, readingNotes: dates.notes(inputs, format: config.input))
    }

    /// The earlier week's plans: `--previous DIR`, else the newest earlier week under `out`;
    /// `nil` on a first run. An unreadable file is a warning, and the run goes on as a first.
    private static func loadPrevious(_ inputs: Inputs, out: String, issues: inout Diagnostics) -> [String: PlanSnapshot]? {
        guard let dir = inputs.previous ?? PreviousPlansReader.previousWeek(in: out, before: inputs.asOf.isoWeekName) else {
            return nil
        }
        let file = name(dir) + "/plans.jsonl"
        do {
            let result = try PreviousPlansReader.read(path: dir + "/plans.jsonl", file: file)
            issues.add(result.diagnostics, to: .previous)
            return result.plans
        } catch {
            issues.add(
                Diagnostic(
                    .warning, file: file, row: 0,
                    message: "could not be read, so no changes are shown (expected an earlier run's plans.jsonl)"),
                to: .previous)
            return nil
        }
    }

    private static func loadConfig(_ path: String) throws -> ClinicConfig {
        let text: String
        do {
            text = try RegularFile.text(path, limit: 1 << 20)
        } catch {
            throw IntakeError(file: path, reason: .notReadable(error.sentence))
        }
        return try ClinicConfigLoader.load(
            yaml: text, file: name(path),
            folder: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
    }

    /// The file's name without folders, as diagnostics show it.
    static func name(_ path: String) -> String { (path as NSString).lastPathComponent }

    /// A file's size in bytes (0 when unknown), for sizing what its rows fill.
    static func fileSize(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
}
