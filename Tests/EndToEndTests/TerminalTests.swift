import Foundation
import Testing

/// What reaches a terminal: ids, rows and columns, never a client's values unless asked.
@Suite("The terminal shows no health data")
struct TerminalTests {
    @Test("report on a file without a header row names the missing columns and shows none of the first row")
    func headerless() throws {
        let dir = try workspace(["clients.csv": "C1,Ann Secret,1990-02-03,pregnancy;dvt_signs\nC2,Bo,1988-01-01,\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("missing required columns client_id, name"))
        #expect(run.stderr.contains("looks like data"))
        for secret in ["Ann Secret", "1990-02-03", "pregnancy", "dvt_signs", "C1"] {
            #expect(!run.stderr.contains(secret), "\(secret) reached the terminal")
        }
    }

    static let hostile = """
        client_id,name,date_of_birth,pain_level,conditions
        C1,"Evil\u{1B}]0;owned\u{07}\u{1B}[2J Name",1990-13-01,eleven,not_a_condition
        C2,Bo,1990-01-01,2,
        """

    @Test("validate shows rows and columns, and the id, but no name, birth date or condition")
    func validateHidesValues() throws {
        let dir = try workspace(["clients.csv": Self.hostile])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["validate", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 3)
        #expect(run.stdout.contains("clients.csv:2: error: date_of_birth"))
        #expect(run.stdout.contains("clients.csv:2: error: pain_level"))
        for secret in ["1990-13-01", "eleven", "not_a_condition", "Evil", "owned"] {
            #expect(!run.stdout.contains(secret), "\(secret) reached the terminal")
        }
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test("validate --show-values shows values, with control characters escaped and long ones cut")
    func showValuesEscaped() throws {
        let long = String(repeating: "x", count: 200)
        let csv = Self.hostile.replacingOccurrences(of: "not_a_condition", with: long)
        let dir = try workspace(["clients.csv": csv])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["validate", "--show-values", "--as-of", "2026-11-23"], in: dir)
        #expect(run.stdout.contains("\"eleven\""))
        #expect(run.stdout.contains(String(repeating: "x", count: 60) + "..."))
        #expect(!run.stdout.contains(String(repeating: "x", count: 61)))
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
