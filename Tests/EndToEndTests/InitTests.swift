import Foundation
import LegCareCore
import LegCareIntake
import Testing

@Suite("legcare init and --version: starting like an installed tool", .serialized)
struct InitTests {
    @Test("init writes Input/ (clinic.yaml and three header-only CSV files) and README.txt; validate passes on it")
    func writes() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["init", "myclinic"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let clinic = dir.appendingPathComponent("myclinic")
        let header = { (name: String) in try String(contentsOf: clinic.appendingPathComponent("Input/\(name)"), encoding: .utf8) }
        #expect(try header("clients.csv") == ClientsReader.columns.joined(separator: ",") + "\n")
        #expect(try header("sessions.csv") == SessionsReader.columns.joined(separator: ",") + "\n")
        #expect(try header("training.csv") == TrainingReader.columns.joined(separator: ",") + "\n")
        let readme = try String(contentsOf: clinic.appendingPathComponent("README.txt"), encoding: .utf8)
        #expect(readme.contains("legcare validate") && readme.contains("legcare report"))
        let mode =
            try FileManager.default.attributesOfItem(atPath: clinic.appendingPathComponent("Input/clients.csv").path)[
                .posixPermissions] as? Int
        #expect(mode == 0o600, "health data: the files are the clinic's alone")
        let check = try legcare(["validate"], in: clinic)
        #expect(check.status == 0, "validate on a new folder: \(check.stdout) \(check.stderr)")
    }

    @Test("every setting in clinic.yaml is a real key, and the default it shows is LegCare's default")
    func settingsAreDefaults() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try legcare(["init", "c"], in: dir).status == 0)
        let text = try String(contentsOf: dir.appendingPathComponent("c/Input/clinic.yaml"), encoding: .utf8)
        // Uncomment every setting line (a key or a list item after the #), not the prose.
        let settings = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("# ") else { return String(line) }
            let rest = line.dropFirst(2)
            let body = rest.drop { $0 == " " }
            let isSetting =
                body.hasPrefix("- ") || (body.prefix { $0 != ":" }.allSatisfy { $0.isLowercase || $0 == "_" } && body.contains(":"))
            return isSetting ? String(rest) : String(line)
        }.joined(separator: "\n")
        #expect(settings.contains("thresholds:\n  pain_gate: 8"), "the thresholds are uncommented: \(settings.prefix(400))")
        let config = try ClinicConfigLoader.load(yaml: settings, file: "clinic.yaml")
        #expect(config.settings == EngineSettings(), "each threshold shown is the engine's default")
        #expect(config.weekStart == 1)
        #expect(config.emergencyNumber == "999" && config.therapists.count == 2)
    }

    @Test("init never overwrites: an existing file stops it, named, exit 2, and nothing else is written")
    func refuses() throws {
        let dir = try workspace(["clients.csv": "client_id,name\nC1,Ann\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["init", "."], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("./Input/clients.csv") && run.stderr.contains("nothing was written"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("README.txt").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Input/clinic.yaml").path))
        #expect(try String(contentsOf: dir.appendingPathComponent("Input/clients.csv"), encoding: .utf8) == "client_id,name\nC1,Ann\n")
    }

    @Test("--version says legcare and the version written in Version.swift")
    func version() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["--version"], in: dir)
        #expect(run.status == 0)
        let source = try String(contentsOf: repositoryRoot.appendingPathComponent("Sources/legcare/Version.swift"), encoding: .utf8)
        let number = try #require(source.firstMatch(of: /static let number = "([0-9.]+)"/)?.1)
        #expect(run.stdout.hasPrefix("legcare \(number)"), "\(run.stdout)")
    }
}
