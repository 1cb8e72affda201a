import Foundation
import Testing

/// Inputs that are not regular files are refused at once, never read without end.
@Suite("Special files as inputs")
struct SpecialFileTests {
    /// Runs legcare, killing it after `seconds` (a hang fails the test instead of the suite).
    func run(_ args: [String], in dir: URL, seconds: Double = 20) throws -> (status: Int32, stderr: String, killed: Bool) {
        let p = Process()
        p.executableURL = productsDirectory.appendingPathComponent("legcare")
        p.arguments = args
        p.currentDirectoryURL = dir
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        let killed = p.isRunning
        if killed { p.terminate() }
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), killed)
    }

    @Test(
        "a device, a folder or a pipe with no writer as an input: exit 2 at once, saying what it is",
        arguments: [
            (["--clients", "/dev/zero"], "is a device"),
            (["--training", "/dev/zero"], "is a device"),
            (["--sessions", "/dev/zero"], "is a device"),
            (["--config", "/dev/zero"], "is a device"),
            (["--clients", "Input"], "is a folder"),
            (["--clients", "pipe"], "is a pipe"),
            (["--clients", "nothing-here.csv"], "does not exist"),
        ])
    func refused(_ args: [String], _ words: String) throws {
        let dir = try workspace(["clients.csv": goodClients])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.appendingPathComponent("pipe").path, 0o600) == 0)
        let result = try run(["report", "--as-of", "2026-11-23"] + args, in: dir)
        #expect(!result.killed, "legcare hung on \(args)")
        #expect(result.status == 2)
        #expect(result.stderr.contains(words))
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("Code="))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Reports").path))
    }

    @Test("a --previous folder whose plans.jsonl links to /dev/zero is a warning, and the run goes on")
    func previousLinkedToDevice() throws {
        let dir = try workspace(["clients.csv": goodClients])
        defer { try? FileManager.default.removeItem(at: dir) }
        let previous = dir.appendingPathComponent("Reports/2026-W47")
        try FileManager.default.createDirectory(at: previous, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: previous.appendingPathComponent("plans.jsonl").path, withDestinationPath: "/dev/zero")
        let result = try run(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(!result.killed)
        #expect(result.status == 0)
        let issues = contents(dir, "Reports/2026-W48/input-issues.csv") ?? ""
        #expect(issues.contains("plans.jsonl"))
    }
}

/// Errors of the environment read as sentences: what failed, where, and what to do.
@Suite("Plain error messages")
struct PlainErrorTests {
    @Test("a one-letter output folder that does not exist yet is made (Foundation's path code trapped on it)")
    func oneLetterOut() throws {
        let dir = try workspace(["clients.csv": goodClients])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23", "--out", "o"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("o/2026-W48/plans.jsonl").path))
    }

    @Test(
        "an output folder that cannot be made: exit 2 with words, never a raw error code",
        arguments: [
            (["--out", ""], "--out must name a folder"),
            (["--out", "Input/clients.csv/reports"], "part of the path is a file, not a folder"),
            (["--out", "Input/clients.csv"], "part of the path is a file, not a folder"),
        ])
    func outputFolder(_ args: [String], _ words: String) throws {
        let dir = try workspace(["clients.csv": goodClients])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"] + args, in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains(words), "\(run.stderr)")
        for raw in ["Unknown error", "Interrupted system call", "NSCocoaErrorDomain", "Code=", "lxw_error"] {
            #expect(!run.stderr.contains(raw), "\(run.stderr)")
        }
    }
}
