import Testing

@testable import LegCareCore

@Suite("Diagnostics on a terminal")
struct DiagnosticTests {
    let d = Diagnostic(.error, file: "clients.csv", row: 4, column: "name", value: "Ann\u{1B}[2J", message: "is empty", clientID: "C1")

    @Test("a value outside an id column is left out unless asked for")
    func hidden() {
        #expect(d.terminalText(showValues: false) == "clients.csv:4: error: name is empty")
        let id = Diagnostic(.error, file: "clients.csv", row: 5, column: "client_id", value: "C1", message: "is already used")
        #expect(id.terminalText(showValues: false) == "clients.csv:5: error: client_id \"C1\" is already used")
    }

    @Test("a shown value has its control characters escaped")
    func escaped() {
        #expect(d.terminalText(showValues: true) == "clients.csv:4: error: name \"Ann\\u{1B}[2J\" is empty")
    }

    @Test("a value is cut at 60 characters with an ellipsis; 60 exactly is whole")
    func cut() {
        #expect(Diagnostic.safe(String(repeating: "a", count: 60)) == String(repeating: "a", count: 60))
        #expect(Diagnostic.safe(String(repeating: "a", count: 61)) == String(repeating: "a", count: 60) + "...")
    }

    @Test("the run's collector lists its parts in order (clients, logs, unmatched ids, last week), whatever order the stages add them in")
    func collectorOrder() {
        var issues = Diagnostics()
        let d = { (file: String, row: Int) in Diagnostic(.warning, file: file, row: row, message: "m") }
        issues.add([d("sessions.csv", 2), d("training.csv", 3)], to: .logs)
        issues.add(d("plans.jsonl", 1), to: .previous)
        issues.add(nil, to: .clients)
        issues.add([d("clients.csv", 5), d("clients.csv", 9)], to: .clients)
        issues.add(d("sessions.csv", 40), to: .unmatched)
        #expect(
            issues.all.map { "\($0.file):\($0.row)" } == [
                "clients.csv:5", "clients.csv:9", "sessions.csv:2", "training.csv:3", "sessions.csv:40", "plans.jsonl:1",
            ])
    }
}
