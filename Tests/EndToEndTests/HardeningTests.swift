import Foundation
import Testing

/// Starts `legcare` without waiting, for runs that are killed part-way.
func startLegcare(_ args: [String], in dir: URL) throws -> Process {
    let p = Process()
    p.executableURL = productsDirectory.appendingPathComponent("legcare")
    p.arguments = args
    p.currentDirectoryURL = dir
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    return p
}

/// Waits until the condition holds, up to `seconds`.
func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

/// Every path below `dir`, relative to it.
func allPaths(_ dir: URL) -> [String] {
    (FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []).sorted()
}

/// Many valid client rows, so that a run lasts long enough to be killed part-way.
func manyClients(_ count: Int, marker: String = "") -> String {
    "client_id,name,team,sore_areas,pain_level\n"
        + (1...count).map { "K\($0)\(marker),Kim \(marker)\($0),Squad \(marker),calves,3\n" }.joined()
}

@Suite("hardening: one bad row never stops a run, nothing left behind", .serialized)
struct HardeningTests {
    @Test("a 100,000-character name: exit 0, every client written, the handout name cut to 100 bytes")
    func hugeName() throws {
        let name = String(repeating: "Bartholomew ", count: 8_400)
        let dir = try workspace(["clients.csv": "client_id,name\nA1,\(name)\nA2,Bo\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let handouts = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Reports/2026-W48/handouts").path)
        #expect(handouts.count == 2)
        #expect(handouts.allSatisfy { $0.utf8.count <= 100 })
        #expect(handouts.contains { $0.hasPrefix("A1-bartholomew-bartholomew") })
    }

    @Test("a second run while one is writing: exit 2 with a clear message, and the first is never published over")
    func concurrentRun() throws {
        let dir = try workspace(["clients.csv": goodClients])
        defer { try? FileManager.default.removeItem(at: dir) }
        let reports = dir.appendingPathComponent("Reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        // Hold the lock a running legcare holds: flock on the output folder.
        let fd = open(reports.path, O_RDONLY | O_DIRECTORY)
        #expect(flock(fd, LOCK_EX) == 0)
        let blocked = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(blocked.status == 2)
        #expect(blocked.stderr.contains("another legcare run is writing into this folder now"))
        #expect(allPaths(reports).isEmpty)
        close(fd)
        #expect(try legcare(["report", "--as-of", "2026-11-23"], in: dir).status == 0)
    }

    @Test("a run killed part-way: private from its first byte (umask 077); the next run removes what it left and says so")
    func killedRun() throws {
        let dir = try workspace(["clients.csv": manyClients(20_000)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try startLegcare(["report", "--as-of", "2026-11-23"], in: dir)
        let staging = dir.appendingPathComponent("Reports/.2026-W48.partial-\(run.processIdentifier)")
        let started = waitUntil(60) {
            ((try? FileManager.default.contentsOfDirectory(atPath: staging.appendingPathComponent("handouts").path))?.count ?? 0) > 20
        }
        #expect(started, "the run never got going")
        let status = (try? String(contentsOfFile: "/proc/\(run.processIdentifier)/status", encoding: .utf8)) ?? ""
        #expect(status.contains("Umask:\t0077"), "umask set at start")
        kill(run.processIdentifier, SIGKILL)
        run.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: staging.path), "a killed run cannot clean up after itself")
        for path in allPaths(staging) {
            let mode =
                (try FileManager.default.attributesOfItem(atPath: staging.appendingPathComponent(path).path)[.posixPermissions] as? Int)
            let isFolder = (try? FileManager.default.contentsOfDirectory(atPath: staging.appendingPathComponent(path).path)) != nil
            #expect(mode == (isFolder ? 0o700 : 0o600), "\(path) is \(String(mode ?? 0, radix: 8))")
        }

        try "client_id,name\nZ9,Zed\n".write(to: dir.appendingPathComponent("Input/clients.csv"), atomically: true, encoding: .utf8)
        let rerun = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(rerun.status == 0)
        #expect(rerun.stderr.contains("removed 1 unfinished run folder(s) left by interrupted runs"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Reports").path) == ["2026-W48"])
    }

    @Test("a finished report on the sample, two weeks running: every published file is 0600 and every folder 0700, whatever the umask")
    func publishedModes() throws {
        let dir = try sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Input/clients-last-week.csv"), to: dir.appendingPathComponent("Input/last.csv"))
        // Each run starts under a wide-open umask, set by a shell just for it.
        func openUmask(_ args: [String]) throws -> Run {
            try legcare(
                ["-c", "umask 000 && exec \"$0\" \"$@\"", productsDirectory.appendingPathComponent("legcare").path] + args, in: dir,
                program: "/bin/sh")
        }
        _ = try openUmask(["report", "--clients", "Input/last.csv", "--as-of", "2026-11-16"])
        let run = try openUmask(["report", "--as-of", "2026-11-23"])
        #expect(run.status == 0 || run.status == 3, "\(run.stderr)")
        let reports = dir.appendingPathComponent("Reports")
        let paths = allPaths(reports)
        #expect(paths.contains("2026-W48/summary.xlsx") && paths.contains("2026-W48/changes.csv"))
        for path in paths {
            let full = reports.appendingPathComponent(path).path
            let mode = try FileManager.default.attributesOfItem(atPath: full)[.posixPermissions] as? Int
            let isFolder = (try? FileManager.default.contentsOfDirectory(atPath: full)) != nil
            #expect(mode == (isFolder ? 0o700 : 0o600), "\(path) is \(String(mode ?? 0, radix: 8))")
        }
    }

    /// A marker in every column: valid where the column takes free text, invalid where it
    /// does not (that row is rejected, and its values belong in input-issues.csv only).
    static let markedClients = """
        client_id,name,date_of_birth,team,therapist,activity,occupation,training_load,last_hard_session,next_event,sore_areas,pain_level,conditions,tools,pressure,last_massage,session_minutes
        QXID1,Ann QXNAME1,1990-01-01,QXTEAM1,QXTHER1,QXACT1,desk,heavy,2026-11-21,2026-11-28,calves,3,,foam_roller,light,2026-11-01,60
        QXID2,Bo QXNAME2,QXDOB2,QXTEAM2,QXTHER2,QXACT2,QXOCC2,QXLOAD2,QXHARD2,QXEVENT2,QXAREA2,QXPAIN2,QXCOND2,QXTOOL2,QXPRES2,QXLAST2,QXMIN2

        """

    @Test("privacy: client data appears only inside the run folder's outputs, after good, failing and killed runs")
    func privacy() throws {
        let dir = try workspace(["clients.csv": Self.markedClients])
        defer { try? FileManager.default.removeItem(at: dir) }
        var terminal = ""
        let good = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(good.status == 3)
        terminal += good.stdout + good.stderr
        #expect(contents(dir, "Reports/2026-W48/input-issues.csv")?.contains("QXPAIN2") == true, "the rejected values are reported")

        try "clinic_name: [unclosed\n".write(to: dir.appendingPathComponent("Input/clinic.yaml"), atomically: true, encoding: .utf8)
        let failing = try legcare(["report", "--as-of", "2026-11-30"], in: dir)
        #expect(failing.status == 2)
        terminal += failing.stdout + failing.stderr
        try FileManager.default.removeItem(at: dir.appendingPathComponent("Input/clinic.yaml"))

        try manyClients(20_000, marker: "QXBIG").write(
            to: dir.appendingPathComponent("Input/big.csv"), atomically: true, encoding: .utf8)
        let killed = try startLegcare(["report", "--clients", "Input/big.csv", "--as-of", "2026-12-07"], in: dir)
        let staging = dir.appendingPathComponent("Reports/.2026-W50.partial-\(killed.processIdentifier)/handouts")
        #expect(waitUntil(60) { ((try? FileManager.default.contentsOfDirectory(atPath: staging.path))?.count ?? 0) > 20 })
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        let after = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        terminal += after.stdout + after.stderr

        for marker in ["QX"] {
            #expect(!terminal.contains(marker), "client data on the terminal: \(terminal)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Reports").path) == ["2026-W48"])
        // The handouts' own slugs, the team pages named after the squad and the print bundles
        // named after the therapist (data contract).
        for path in allPaths(dir) where path.lowercased().contains("qx") && !path.hasPrefix("Input/") {
            #expect(
                path.hasPrefix("Reports/2026-W48/handouts/") || path == "Reports/2026-W48/teams/qxteam1.txt"
                    || path == "Reports/2026-W48/print/qxther1.txt",
                "client data in a file name: \(path)")
        }
    }
}

@Suite("legcare sample", .serialized)
struct SampleTests {
    @Test("sample: the same seed gives the same bytes, another seed other bytes; the report runs on it and rejects its few bad rows")
    func sample() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        for (out, seed) in [("a", "5"), ("b", "5"), ("c", "6")] {
            #expect(try legcare(["sample", "--clients", "400", "--seed", seed, "--out", out], in: dir).status == 0)
        }
        for f in ["clients.csv", "sessions.csv", "training.csv", "clinic.yaml"] {
            #expect(contents(dir, "a/\(f)") == contents(dir, "b/\(f)"), "\(f) differs for the same seed")
        }
        #expect(contents(dir, "a/clients.csv") != contents(dir, "c/clients.csv"))
        let clients = try #require(contents(dir, "a/clients.csv")).split(separator: "\n")
        #expect(clients.count == 401)
        #expect(try #require(contents(dir, "a/training.csv")).split(separator: "\n").count > 1, "some clients play in teams")
        let run = try legcare(
            [
                "report", "--clients", "a/clients.csv", "--sessions", "a/sessions.csv", "--training", "a/training.csv", "--config",
                "a/clinic.yaml", "--as-of", "2026-11-23",
            ], in: dir)
        #expect(run.status == 0 || run.status == 3, "\(run.stderr)")
        #expect(contents(dir, "Reports/2026-W48/timetable.csv") != nil)
    }

    @Test("sample: a believable clinic: historic utilisation, this week's demand and the overdue fit together")
    func sampleFitsTogether() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try legcare(["sample", "--clients", "1200", "--out", "s"], in: dir).status == 0)
        let yaml = try #require(contents(dir, "s/clinic.yaml"))
        let weeklyMinutes =
            yaml.split(separator: "\n").compactMap { $0.split(separator: "hours: ").last.flatMap { Int($0) } }.reduce(0, +) * 60
        let sessions = try #require(contents(dir, "s/sessions.csv")).split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        // Completed minutes in the 11 whole weeks before the as-of week (2026-09-07 to 2026-11-22).
        let completed = sessions.filter { $0[6] == "completed" && $0[2] >= "2026-09-07" && $0[2] <= "2026-11-22" }.map { Int($0[5])! }
            .reduce(0, +)
        let utilisation = Double(completed) / Double(11 * weeklyMinutes)
        #expect((0.5...1.1).contains(utilisation), "historic utilisation \(utilisation)")
        let run = try legcare(
            ["report", "--clients", "s/clients.csv", "--sessions", "s/sessions.csv", "--config", "s/clinic.yaml", "--as-of", "2026-11-23"],
            in: dir)
        #expect(run.status == 0 || run.status == 3)
        let plans = try #require(contents(dir, "Reports/2026-W48/plans.jsonl")).split(separator: "\n").count
        let due = try #require(contents(dir, "Reports/2026-W48/timetable.csv")).split(separator: "\n").count - 1
        #expect((0.2...0.6).contains(Double(due) / Double(plans)), "\(due) of \(plans) clients due this week")
    }

    @Test("sample --as-of: the logs end the day before it, so a report on that day reads a current log")
    func sampleAsOf() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try legcare(["sample", "--clients", "300", "--as-of", "2026-12-09", "--out", "s"], in: dir).status == 0)
        func lastDate(_ file: String, column: Int) throws -> String? {
            try #require(contents(dir, "s/\(file)")).split(separator: "\n").dropFirst()
                .map { String($0.split(separator: ",", omittingEmptySubsequences: false)[column]) }.filter { $0 <= "2026-12-08" }.max()
        }
        #expect(try lastDate("training.csv", column: 1) == "2026-12-08")
        #expect(try lastDate("sessions.csv", column: 2) == "2026-12-08")
    }

    @Test(
        "--as-of outside the years 1900-2199 is a usage error that writes nothing", arguments: ["1899-12-31", "2200-01-01", "0001-01-01"])
    func asOfBounds(_ day: String) throws {
        let dir = try workspace(["clients.csv": goodClients])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", day], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("outside the years 1900 to 2199"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Reports").path))
        #expect(try legcare(["sample", "--clients", "5", "--as-of", day, "--out", "s"], in: dir).status == 2)
    }

    @Test(
        "sample: a list past 10,000,000 clients, or below 1, is a usage error that writes nothing",
        arguments: ["10000001", "9223372036854775807", "0"])
    func sampleBound(_ n: String) throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["sample", "--clients", n, "--out", "big"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("from 1 to 10,000,000"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("big").path))
    }
}
