import Foundation
import LegCareCore
import LegCareIntake
import LegCareReports
import LegCareRun

/// Stage 6 of the run: each client validated and planned on a worker (``ClientStream``)
/// and written here, in input order.
enum ClientStage {
    /// Streams every client of `reader` through the engine into `writer` (`nil`: checks
    /// only). Returns the reader with its final counts and diagnostics; a client the
    /// writer refused is rejected there, with the writer's sentence.
    static func run(
        _ reader: consuming ClientsReader, engine: PlanEngine, logs: inout Logs, asOf: Day, writer: ReportWriter?,
        timings: inout StageTimings
    ) throws -> ClientsReader {
        let stream = ClientStream(reader: reader, engine: engine, sessions: logs.sessions, training: logs.training, asOf: asOf)
        var progress = Progress()
        var refused: [(ClientsReader.Position, String)] = []
        do {
            while let items = try stream.next() {
                for item in items {
                    if let problem = try writer?.add(item.plan, profile: item.profile, training: item.training) {
                        refused.append((item.position, problem))
                        continue
                    }
                    logs.matched(item.profile.clientID)
                    progress.tick(item.rowsRead)
                }
            }
        } catch {
            stream.cancel()
            throw error
        }
        var (finished, streamTimings) = stream.finish()
        finished.reject(refused)
        timings.merge(streamTimings)
        progress.done(finished.rowsRead)
        return finished
    }
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
