import Foundation
import LegCareCore
import LegCareIntake
import LegCareReports

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
}

/// The run, as a recipe: each stage a typed value in, a typed value out.
enum Pipeline {
    /// Reads, plans and (when `out` is given) writes the week's reports; with `timings`,
    /// each stage's wall time goes to stderr at the end.
    static func run(_ inputs: Inputs, out: String?, timings showTimings: Bool = false) throws -> Outcome {
        // 0. Large blocks of memory straight from the system, so they go back when freed.
        FreedMemory.handLargeBlocksBack()
        var timings = StageTimings()
        let started = StageTimings.now()
        // 1. Clinic configuration and handout template: a broken one stops the run (exit 2).
        let config = try inputs.config.map(loadConfig) ?? ClinicConfig()
        let template = try HandoutTemplate.load(folder: config.templateFolder)

        // 2. Client list and logs: headers checked before anything is written (exit 2
        // writes nothing, not even the output folder).
        var clients = try ClientsReader(source: ByteSource(path: inputs.clients), file: name(inputs.clients))
        if let f = inputs.sessions { try SessionsReader.checkHeader(ByteSource(path: f), file: name(f)) }
        if let f = inputs.training { try TrainingReader.checkHeader(ByteSource(path: f), file: name(f)) }

        // 3. Stage the run folder (report only), so that a report's training log and the
        // session log's volumes can wait on disk there as they are read (`check` writes
        // nothing, and keeps them in memory).
        let folder = try out.map { try RunFolder(out: $0, week: inputs.asOf.isoWeekName) }
        let spilled = try folder.flatMap { f in try inputs.training.map { _ in try TrainingLogs(scratchFolder: f.stagingPath) } }

        // 4. Optional logs: delivered sessions and squad training.
        // The two are independent: the training log is read on a second core meanwhile.
        let trainingFile = inputs.training
        let asOf = inputs.asOf
        let reading = Worker(name: "legcare-training") {
            try trainingFile.map { try TrainingReader.read(ByteSource(path: $0), file: name($0), asOf: asOf, spill: spilled?.add) }
        }
        var sessions = try inputs.sessions.map {
            try SessionsReader.read(
                ByteSource(path: $0), file: name($0), fileBytes: fileSize($0),
                store: folder.map { try ScratchStore(folder: $0.stagingPath) })
        }
        var training = try reading.wait()
        // Ids the logs name that no accepted client has matched yet, struck off as clients
        // are accepted (measured: a set of every accepted id was 40 MB at 1,000,000 clients).
        var matchedSessions = [Bool](repeating: false, count: sessions?.log.clientCount ?? 0)
        var unmatchedTraining = training?.clientRows ?? [:]
        training?.clientRows = [:]
        // The logs go to the stream, which lets each one go once its client is written.
        let histories = spilled ?? training.map { TrainingLogs($0.histories) }
        training?.histories = [:]
        spilled?.finishAdding()
        timings.add("intake", StageTimings.now() - started)

        // 5. Last week's plans, for what changed (report only): a damaged file is a warning.
        var previousWarnings: [Diagnostic] = []
        let previous = out.flatMap { loadPrevious(inputs, out: $0, warnings: &previousWarnings) }

        // 6. The writer, into the staged folder (report only).
        let size = fileSize(inputs.clients)
        clients.reserveIDs(forFileBytes: size)
        let writer = try folder.map {
            try ReportWriter(
                folder: $0, template: template, config: config, asOf: inputs.asOf, clientsFileBytes: size,
                hasTraining: training != nil, sessions: sessions?.log, previous: previous)
        }

        writer?.staleTraining = training?.stale
        if let removed = writer?.staleRemoved, removed > 0 {
            FileHandle.standardError.write(Data("legcare: removed \(removed) unfinished run folder(s) left by interrupted runs\n".utf8))
        }

        // 7. Stream the clients: validated and planned on one thread, written on this one.
        // The reader is handed over, not copied: a copy left here would make the stream's
        // first accepted id copy the id table's slots (8 MB at 1,000,000 clients) and lose
        // the room asked for above.
        let stream = ClientStream(
            reader: consume clients, engine: PlanEngine(settings: config.settings), sessions: sessions?.log, training: histories,
            asOf: inputs.asOf)
        var progress = Progress()
        var refused: [(ClientsReader.Position, String)] = []
        do {
            while let items = try stream.next() {
                for item in items {
                    if let problem = try writer?.add(item.plan, profile: item.profile, training: item.training) {
                        refused.append((item.position, problem))
                        continue
                    }
                    if let n = sessions?.log.number(of: item.profile.clientID) { matchedSessions[n] = true }
                    unmatchedTraining[item.profile.clientID] = nil
                    progress.tick(item.rowsRead)
                }
            }
        } catch {
            stream.cancel()
            throw error
        }
        let (reader, streamTimings) = stream.finish()
        clients = reader
        clients.reject(refused)
        timings.merge(streamTimings)
        progress.done(clients.rowsRead)

        // 8. Every problem, file by file, including ids the logs name but clients.csv lacks.
        var diagnostics = clients.diagnostics
        if let sessions { diagnostics += sessions.diagnostics }
        if let training { diagnostics += training.diagnostics }
        let unmatchedSessions = sessions.map { s in
            Dictionary(uniqueKeysWithValues: s.log.clients.lazy.filter { !matchedSessions[$0.number] }.map { ($0.id, $0.firstRow) })
        }
        diagnostics += crossFileWarnings(inputs, unmatched: (unmatchedSessions ?? [:], unmatchedTraining))
        // Every client is written: the log is no longer read here (the writer holds its own
        // for the volumes, and lets it go once they are written; measured at 1,000,000
        // clients, this copy kept its 23 MB of sessions to the run's end).
        sessions?.log = SessionLog()
        diagnostics += previousWarnings
        let rejected = clients.rejected + (sessions?.rejected ?? 0) + (training?.rejected ?? 0)

        // 9. Summary sheets, checks, and publish the folder whole.
        var facts = [
            RunFacts.FileCount(file: name(inputs.clients), read: clients.rowsRead, accepted: clients.accepted, rejected: clients.rejected)
        ]
        if let s = sessions, let f = inputs.sessions {
            facts.append(.init(file: name(f), read: s.rowsRead, accepted: s.rowsRead - s.rejected, rejected: s.rejected))
        }
        if let t = training, let f = inputs.training {
            facts.append(.init(file: name(f), read: t.rowsRead, accepted: t.rowsRead - t.rejected, rejected: t.rejected))
        }
        let published = try writer?.finish(
            diagnostics: diagnostics, facts: RunFacts(files: facts))
        if let writer { timings.merge(writer.timings) }
        if showTimings { FileHandle.standardError.write(Data("legcare: stage times\n\(timings.report())\n".utf8)) }
        if let published {
            let line = facts.map { "\($0.file): \($0.read) read, \($0.accepted) accepted, \($0.rejected) rejected" }.joined(separator: "; ")
            FileHandle.standardError.write(Data("legcare: wrote \(published) (\(line))\n".utf8))
        }
        return Outcome(diagnostics: diagnostics, rejected: rejected, folder: published)
    }

    /// A warning for each id a log names that is not an accepted client, in row order.
    private static func crossFileWarnings(_ inputs: Inputs, unmatched: (sessions: [String: Int], training: [String: Int])) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (file, rows) in [(inputs.sessions, unmatched.sessions), (inputs.training, unmatched.training)] {
            guard let file else { continue }
            for (id, row) in rows.sorted(by: { $0.value < $1.value }) {
                out.append(
                    Diagnostic(
                        .warning, file: name(file), row: row, column: "client_id", value: id,
                        message: "is not an accepted client in clients.csv; the row still counts in volumes", clientID: id))
            }
        }
        return out
    }

    /// The earlier week's plans: `--previous DIR`, else the newest earlier week under `out`;
    /// `nil` on a first run. An unreadable file is a warning, and the run goes on as a first.
    private static func loadPrevious(_ inputs: Inputs, out: String, warnings: inout [Diagnostic]) -> [String: PlanSnapshot]? {
        guard let dir = inputs.previous ?? PreviousPlansReader.previousWeek(in: out, before: inputs.asOf.isoWeekName) else {
            return nil
        }
        let file = name(dir) + "/plans.jsonl"
        do {
            let result = try PreviousPlansReader.read(path: dir + "/plans.jsonl", file: file)
            warnings = result.diagnostics
            return result.plans
        } catch {
            warnings = [
                Diagnostic(
                    .warning, file: file, row: 0,
                    message: "could not be read, so no changes are shown (expected an earlier run's plans.jsonl)")
            ]
            return nil
        }
    }

    private static func loadConfig(_ path: String) throws -> ClinicConfig {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw IntakeError(file: path, reason: .unreadable)
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

/// Progress on stderr, only when stderr is a terminal.
struct Progress {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var last = 0

    mutating func tick(_ rows: Int) {
        guard enabled, rows - last >= 1000 else { return }
        last = rows
        FileHandle.standardError.write(Data("\rlegcare: \(rows) client rows read".utf8))
    }

    func done(_ rows: Int) {
        guard enabled, last > 0 else { return }
        FileHandle.standardError.write(Data("\rlegcare: \(rows) client rows read\n".utf8))
    }
}
