import Foundation
import Testing

@Suite("A clinic's own exports, and the progress line", .serialized)
struct ExportsTests {
    /// The sample's clients with `sessions`, `training` and `config`, into `out`.
    static func report(_ dir: URL, sessions: String, training: String, config: String, out: String) throws -> Run {
        let input = repositoryRoot.appendingPathComponent("Input").path
        return try legcare(
            [
                "report", "--clients", input + "/clients.csv", "--sessions", input + "/" + sessions, "--training", input + "/" + training,
                "--config", input + "/" + config, "--as-of", "2026-11-23", "--out", out,
            ], in: dir)
    }

    @Test(
        "Input/examples (a practice system's appointments, an athlete system's ;-separated log) give the figures of the same data in the contract's format"
    )
    func examplesMatch() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let own = try Self.report(dir, sessions: "sessions.csv", training: "training.csv", config: "clinic.yaml", out: "own")
        let exported = try Self.report(
            dir, sessions: "examples/appointments.csv", training: "examples/training-export.csv", config: "examples/clinic.yaml",
            out: "exported")
        #expect(own.status == 3 && exported.status == 3, "the sample has two bad client rows: \(exported.stderr)")
        for file in ["plans.jsonl", "timetable.csv"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("own/2026-W48/\(file)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("exported/2026-W48/\(file)"))
            #expect(a == b, "\(file): loads, attention and bookings the same")
        }
        let script = """
            import json, sys, openpyxl
            out = {}
            for path in sys.argv[1].split("|"):
                wb = openpyxl.load_workbook(path)
                out[path] = {name: [[str(c) for c in row] for row in wb[name].iter_rows(values_only=True)]
                             for name in ["Session volumes", "Volume totals", "Utilisation", "Client visits", "Overdue", "Squad", "Forecast"]}
            print(json.dumps(list(out.values())))
            """
        let paths = ["own", "exported"].map { dir.appendingPathComponent("\($0)/2026-W48/summary.xlsx").path }.joined(separator: "|")
        let books = try #require(try pythonJSON(script, paths) as? [[String: [[String]]]])
        for sheet in books[0].keys.sorted() {
            #expect(books[0][sheet] == books[1][sheet], "\(sheet): the same figures")
        }
        #expect((books[0]["Session volumes"]?.count ?? 0) > 20, "the volumes are there to compare")
    }

    @Test("validate names the mapping and the date order it used")
    func validateReports() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = repositoryRoot.appendingPathComponent("Input").path
        let run = try legcare(
            [
                "validate", "--clients", input + "/clients.csv", "--sessions", input + "/examples/appointments.csv", "--config",
                input + "/examples/clinic.yaml", "--as-of", "2026-11-23",
            ], in: dir)
        #expect(run.stdout.contains("reading: appointments.csv: column \"Patient ID\" read as client_id"), "\(run.stdout)")
        #expect(run.stdout.contains("reading: appointments.csv: dates not written YYYY-MM-DD read day first (date_format in clinic.yaml)"))
    }

    @Test("a mapped header the file lacks stops the run with the line of clinic.yaml, and writes nothing")
    func mappingStops() throws {
        let dir = try workspace([
            "clients.csv": "client_id,name\nC1,Ann\n",
            "sessions.csv": "session_id,client_id,date,minutes,status\nS1,C1,2026-11-16,45,completed\n",
            "clinic.yaml": "clinic_name: Test\ncolumns:\n  sessions:\n    client_id: Patient ID\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("clinic.yaml:4: error: columns.sessions.client_id: names \"Patient ID\""), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Reports/2026-W48").path))
    }

    @Test("on a terminal a long run shows how much of the client file is read and clears the line; piped, it stays quiet")
    func progress() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try legcare(["sample", "--clients", "10000", "--out", "s"], in: dir).status == 0)
        let args = "report --clients s/clients.csv --as-of 2026-11-23 --out r"
        let piped = try legcare(args.split(separator: " ").map(String.init), in: dir)
        #expect(!piped.stderr.contains("% read"), "quiet when stderr is not a terminal")
        let binary = productsDirectory.appendingPathComponent("legcare").path
        let onTerminal = try legcare(
            ["-qec", "\(binary) \(args) --out t", "/dev/null"], in: dir, program: "/usr/bin/script")
        #expect(
            onTerminal.stdout.contains("legcare: clients.csv ") && onTerminal.stdout.contains("% read, "),
            "\(onTerminal.stdout.prefix(300))")
        #expect(onTerminal.stdout.contains("\r\u{1B}[K"), "the line is cleared")
    }
}
