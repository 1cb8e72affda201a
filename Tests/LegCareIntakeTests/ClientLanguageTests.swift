import LegCareCore
import LegCareIntake
import Testing

/// The optional `language` column: the handout's language, never a reason to reject a row.
@Suite("clients.csv language column")
struct ClientLanguageTests {
    static let catalogs = ["de", "en", "es", "fr", "pl"]

    func read(_ rows: String) throws -> (profiles: [ClientProfile], diagnostics: [Diagnostic], reader: ClientsReader) {
        try readClients("client_id,name,language\n" + rows, handoutLanguages: Self.catalogs)
    }

    @Test("a tag with a catalog is kept as the catalog's (es-MX is es, PL is pl); empty is the clinic's")
    func known() throws {
        let r = try read("C1,Ann,es-MX\nC2,Bo,PL\nC3,Cy,\nC4,Di,de\n")
        #expect(r.profiles.map(\.language) == ["es", "pl", nil, "de"])
        #expect(r.diagnostics.isEmpty)
    }

    @Test("an unknown or malformed tag is a warning naming row, column and the catalogs there are; the row is accepted")
    func unknown() throws {
        let r = try read("C1,Ann,pt-BR\nC2,Bo,español\nC3,Cy,fr\n")
        #expect(r.profiles.map(\.language) == [nil, nil, "fr"])
        #expect(r.reader.accepted == 3 && r.reader.rejected == 0 && r.reader.rowsRead == 3)
        #expect(r.diagnostics.map(\.severity) == [.warning, .warning])
        let first = try #require(r.diagnostics.first)
        #expect((first.row, first.column, first.value) == (2, "language", "pt-BR"))
        #expect(first.message == "has no handout catalog (there are de, en, es, fr, pl), so the handout is in the clinic's language")
    }
}
