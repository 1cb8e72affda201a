import Foundation
import LegCareCore
import LegCareIntake
import LegCareReports
import LegCareRun

/// The run's optional logs: delivered sessions (volumes, and each client's last massage)
/// and squad training (each athlete's load), with which of their ids the clients matched.
struct Logs {
    /// The session log, until its unmatched ids are reported.
    private(set) var sessions: SessionLog?
    /// Each athlete's training log until their client is planned: on disk in a report's
    /// staging folder, in memory for `validate`.
    private(set) var training: TrainingLogs?
    /// Set when the training log has nothing in the 7 days before the as-of day.
    private(set) var staleTraining: StaleTrainingLog?
    private var counts: [RunFacts.FileCount] = []
    /// The session log's clients that an accepted client matched, by number.
    private var matchedSessions: [Bool] = []
    /// The training log's ids no accepted client has matched yet, with their first row.
    private var unmatchedTraining: [String: Int] = [:]

    /// Reads the logs `inputs` names, the training log on a worker meanwhile. `folder`: the
    /// staged run folder, where the logs wait on disk (`nil`: in memory).
    static func read(
        _ inputs: Inputs, folder: RunFolder?, format: InputFormat, dates: DateOrders, issues: inout Diagnostics
    ) throws -> Logs {
        var logs = Logs()
        let spilled = try folder.flatMap { f in try inputs.training.map { _ in try TrainingLogs(scratchFolder: f.stagingPath) } }
        let trainingFile = inputs.training
        let asOf = inputs.asOf
        let reading = Worker(name: "legcare-training") {
            try trainingFile.map {
                try TrainingReader.read(
                    ByteSource(path: $0), file: Pipeline.name($0), asOf: asOf, spill: spilled?.add, format: format,
                    dates: dates.training.order)
            }
        }
        if let file = inputs.sessions {
            let result = try SessionsReader.read(
                ByteSource(path: file), file: Pipeline.name(file), fileBytes: Pipeline.fileSize(file),
                store: folder.map { try ScratchStore(folder: $0.stagingPath) }, format: format, dates: dates.sessions.order)
            logs.count(file, read: result.rowsRead, rejected: result.rejected)
            issues.add(dates.sessions.warning, to: .logs)
            issues.add(result.diagnostics, to: .logs)
            logs.matchedSessions = [Bool](repeating: false, count: result.log.clientCount)
            logs.sessions = result.log
        }
        if let file = inputs.training, let result = try reading.wait() {
            logs.count(file, read: result.rowsRead, rejected: result.rejected)
            issues.add(dates.training.warning, to: .logs)
            issues.add(result.diagnostics, to: .logs)
            logs.unmatchedTraining = result.clientRows
            logs.staleTraining = result.stale
            logs.training = spilled ?? TrainingLogs(result.histories)
            spilled?.finishAdding()
        }
        return logs
    }

    /// Notes that an accepted client's id is no longer unmatched in either log.
    mutating func matched(_ clientID: String) {
        if let n = sessions?.number(of: clientID) { matchedSessions[n] = true }
        unmatchedTraining[clientID] = nil
    }

    /// Each log's rows read, accepted and rejected.
    var fileCounts: [RunFacts.FileCount] { counts }

    /// Once every client is planned: a warning for each id a log names that is not an
    /// accepted client, in row order, into `issues`. The session log is let go.
    mutating func finish(_ inputs: Inputs, issues: inout Diagnostics) {
        let matched = matchedSessions
        let unmatchedSessions =
            sessions.map { log in
                Dictionary(uniqueKeysWithValues: log.clients.lazy.filter { !matched[$0.number] }.map { ($0.id, $0.firstRow) })
            } ?? [:]
        sessions = nil
        for (file, rows) in [(inputs.sessions, unmatchedSessions), (inputs.training, unmatchedTraining)] {
            guard let file else { continue }
            for (id, row) in rows.sorted(by: { $0.value < $1.value }) {
                issues.add(
                    Diagnostic(
                        .warning, file: Pipeline.name(file), row: row, column: "client_id", value: id,
                        message: "is not an accepted client in clients.csv; the row still counts in volumes", clientID: id),
                    to: .unmatched)
            }
        }
    }

    private mutating func count(_ file: String, read: Int, rejected: Int) {
        counts.append(.init(file: Pipeline.name(file), read: read, accepted: read - rejected, rejected: rejected))
    }
}
