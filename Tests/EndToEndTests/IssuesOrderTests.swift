import Foundation
import Testing

/// The order of `input-issues.csv` (decision 0009): by part of the run, whatever order the
/// stages find the problems in, and by row within a file.
@Suite("input-issues.csv order", .serialized)
struct IssuesOrderTests {
    @Test("clients.csv first, then the logs' rows, then ids no client has, then last week's plans; rows ascending in each file")
    func order() throws {
        let dir = try workspace([
            "clients.csv": goodClients + "A4,Dee,,,,,eleven,,\nA5,Eve,,,,,twelve,,\n",
            "sessions.csv": """
            session_id,client_id,date,therapist,kind,minutes,status
            X1,A1,2026-11-02,Ana,sports,60,completed
            X2,Z9,2026-11-03,Ana,sports,60,completed
            X3,A1,2026-11-04,Ana,sports,sixty,completed

            """,
            "training.csv": "client_id,date,minutes,rpe\nA1,2026-11-20,60,5\nQ1,2026-11-20,60,5\nA1,2026-11-21,60,eleven\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let logs = ["--sessions", "Input/sessions.csv", "--training", "Input/training.csv"]
        // Last week's run, then a damaged line in its plans.jsonl.
        #expect(try legcare(["report", "--as-of", "2026-11-16"] + logs, in: dir).status == 3)
        let previous = dir.appendingPathComponent("Reports/2026-W47/plans.jsonl")
        let handle = try FileHandle(forWritingTo: previous)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{not json\n".utf8))
        try handle.close()

        let run = try legcare(["report", "--as-of", "2026-11-23"] + logs, in: dir)
        #expect(run.status == 3, "\(run.stderr)")
        let lines = try #require(contents(dir, "Reports/2026-W48/input-issues.csv")).split(separator: "\n").dropFirst()
        let places = lines.map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return (file: String(cells[0]), row: Int(cells[1]) ?? -1, unmatched: line.contains("is not an accepted client"))
        }
        // 0: clients.csv, 1: the logs' own rows, 2: ids no accepted client has, 3: last week.
        let parts = places.map { p in
            p.file == "clients.csv" ? 0 : p.file.hasSuffix("plans.jsonl") ? 3 : p.unmatched ? 2 : 1
        }
        #expect(Set(parts) == [0, 1, 2, 3], "every part has a problem: \(lines)")
        #expect(parts == parts.sorted(), "part by part: \(lines)")
        for file in ["clients.csv", "sessions.csv", "training.csv"] {
            let rows = places.filter { $0.file == file && !$0.unmatched }.map(\.row)
            #expect(!rows.isEmpty && rows == rows.sorted(), "\(file): rows ascending")
        }
        #expect(places.filter { $0.file == "sessions.csv" && !$0.unmatched }.first?.row == 4)
    }
}
