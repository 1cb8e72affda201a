import LegCareCore
import LegCareIntake
import Testing

/// Dates a person could not have: checked against the as-of day.
@Suite("clients.csv dates against the as-of day")
struct ClientDatesTests {
    static let asOf = Day(iso: "2026-11-23")!

    func read(_ rows: String) throws -> (profiles: [ClientProfile], diagnostics: [Diagnostic], reader: ClientsReader) {
        try readClients("client_id,name,date_of_birth,last_massage\n" + rows, asOf: Self.asOf)
    }

    @Test(
        "a birth date after the as-of day, or over 120 years before it, rejects the row",
        arguments: [("2026-11-24", false), ("2030-01-01", false), ("1906-11-22", false), ("1906-11-23", true), ("2026-11-23", true)])
    func birthDates(_ born: String, _ accepted: Bool) throws {
        let r = try read("C1,Ann,\(born),\n")
        #expect(r.profiles.count == (accepted ? 1 : 0))
        #expect(r.reader.rejected == (accepted ? 0 : 1))
        if !accepted { #expect(r.diagnostics.first?.column == "date_of_birth") }
    }

    @Test("a last massage after the as-of day is a warning and is not used; the row is accepted")
    func futureMassage() throws {
        let r = try read("C1,Ann,,2030-01-08\nC2,Bo,,2026-11-20\n")
        #expect(r.profiles.map(\.lastMassage) == [nil, Day(iso: "2026-11-20")])
        #expect(r.reader.accepted == 2 && r.reader.rejected == 0)
        let warning = try #require(r.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect((warning.row, warning.column, warning.value) == (2, "last_massage", "2030-01-08"))
    }

    @Test("a row whose id was rejected before is not a duplicate of it: the later row is accepted")
    func rejectedIDIsNoDuplicate() throws {
        let csv = "client_id,name,pain_level\nC1,Ann,11\nC1,Ann,2\n"
        var reader = try ClientsReader(source: ByteSource(bytes: Array(csv.utf8)), file: "clients.csv")
        var ids: [String] = []
        while let p = try reader.next() { ids.append(p.clientID) }
        #expect(ids == ["C1"])
        #expect(reader.diagnostics.count == 1)
        #expect(reader.diagnostics.allSatisfy { $0.row == 2 && $0.column == "pain_level" })
    }

    @Test("a pain level of 11 rejects its row, whatever the message says", arguments: ["11", "-1", "10.5", "eleven"])
    func painOutOfRange(_ pain: String) throws {
        let csv = "client_id,name,pain_level\nC1,Ann,\(pain)\nC2,Bo,10\n"
        var reader = try ClientsReader(source: ByteSource(bytes: Array(csv.utf8)), file: "clients.csv")
        var ids: [String] = []
        while let p = try reader.next() { ids.append(p.clientID) }
        #expect(ids == ["C2"])
        #expect(reader.rejected == 1)
        #expect(reader.diagnostics.map(\.column) == ["pain_level"])
    }
}
