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
        timings: inout StageTimings, progress: consuming ProgressLine
    ) throws -> ClientsReader {
        let stream = ClientStream(reader: reader, engine: engine, sessions: logs.sessions, training: logs.training, asOf: asOf)
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
        progress.done()
        return finished
    }
}
