import Foundation
import LegCareCore
import LegCareIntake
import Testing

/// Reads a clients.csv snippet: accepted profiles and every diagnostic.
func readClients(_ csv: String, asOf: Day? = nil, handoutLanguages: [String]? = nil) throws -> (
    profiles: [ClientProfile], diagnostics: [Diagnostic], reader: ClientsReader
) {
    var reader = try ClientsReader(
        source: ByteSource(bytes: Array(csv.utf8)), file: "clients.csv", asOf: asOf, handoutLanguages: handoutLanguages)
    var profiles: [ClientProfile] = []
    while let p = try reader.next() { profiles.append(p) }
    return (profiles, reader.diagnostics, reader)
}

/// A rejected value's diagnostic; the fixtures' bad rows belong to client `C1` unless said.
func error(_ row: Int, _ column: String, _ value: String, _ message: String, id: String = "C1") -> Diagnostic {
    Diagnostic(.error, file: "clients.csv", row: row, column: column, value: value, message: message, clientID: id)
}

@Suite("clients.csv validation")
struct ClientsReaderTests {
    @Test("a full valid row becomes a profile")
    func fullRow() throws {
        let r = try readClients(
            """
            client_id,name,date_of_birth,team,therapist,activity,occupation,training_load,last_hard_session,next_event,sore_areas,pain_level,conditions,tools,pressure,last_massage,session_minutes
            C1,Zoë Ng,1990-01-02,Reds,Ana,Running,desk,HEAVY,2026-11-21 18:30,2026-11-28,"calf|quads",4,hamstring_strain_history;chronic_knots,foam_roller;spiky_ball,firm,2026-11-01,45

            """)
        #expect(r.diagnostics.isEmpty)
        let p = try #require(r.profiles.first)
        #expect(p.name == "Zoë Ng")
        #expect(p.activity == .known(.running))
        #expect(p.trainingLoad == .heavy)
        #expect(p.lastHardSession == Moment(day: Day(iso: "2026-11-21")!, minuteOfDay: 18 * 60 + 30))
        #expect(p.soreAreas == [.calves, .quadriceps])
        #expect(p.conditions == [.hamstringStrainHistory, .chronicKnots])
        #expect(p.tools == [.foamRoller, .spikyBall])
        #expect(p.sessionMinutes == 45)
    }

    @Test("headers match regardless of case, spaces and hyphens; `id` is client_id")
    func headerSpelling() throws {
        let r = try readClients(" ID , Name ,Pain-Level,Sore Areas\nC1,Ann,3,hamstring\n")
        #expect(r.diagnostics.isEmpty)
        #expect(r.profiles.first?.painLevel == 3)
        #expect(r.profiles.first?.soreAreas == [.hamstrings])
    }

    @Test("a missing required column stops the run and names what was found")
    func missingColumn() {
        #expect(throws: IntakeError(file: "clients.csv", reason: .missingColumns(missing: ["name"], found: ["client_id", "team"]))) {
            try readClients("client_id,team\nC1,Reds\n")
        }
    }

    @Test("unknown columns are a warning, named once")
    func unknownColumn() throws {
        let r = try readClients("client_id,name,shoe_size\nC1,Ann,42\nC2,Bo,40\n")
        #expect(r.profiles.count == 2)
        #expect(
            r.diagnostics == [
                Diagnostic(
                    .warning, file: "clients.csv", row: 1, column: "shoe_size", value: "shoe_size",
                    message: "is not a LegCare column and is left out of the plan")
            ])
    }

    struct BadValue: CustomTestStringConvertible, Sendable {
        let column: String
        let value: String
        let message: String
        var testDescription: String { "\(column) \"\(value)\"" }
    }

    static let badValues: [BadValue] = [
        .init(
            column: "date_of_birth", value: "02/01/1990",
            message:
                "is not a date in the form YYYY-MM-DD; for dates written like 23/11/2026, set date_format: day-first (or month-first) in clinic.yaml"
        ),
        .init(column: "occupation", value: "pilot", message: "is not one of desk, standing, manual, other"),
        .init(column: "training_load", value: "extreme", message: "is not one of none, light, moderate, heavy"),
        .init(column: "last_hard_session", value: "yesterday", message: "is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)"),
        .init(
            column: "last_hard_session", value: "2026-11-21T25:00", message: "is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)"),
        .init(column: "next_event", value: "2026-02-30", message: "is not a date in the form YYYY-MM-DD"),
        .init(
            column: "sore_areas", value: "elbow",
            message:
                "is not one of hamstrings, quadriceps, adductors, calves, glutes, it_band, shins, hip_flexors, plantar_fascia, lower_back"),
        .init(column: "pain_level", value: "eleven", message: "is not a whole number from 0 to 10"),
        .init(column: "pain_level", value: "-1", message: "is not a whole number from 0 to 10"),
        .init(column: "pain_level", value: "7.5", message: "is not a whole number from 0 to 10"),
        .init(column: "conditions", value: "flu", message: "is not one of " + Condition.allCases.map(\.rawValue).joined(separator: ", ")),
        .init(column: "tools", value: "kettlebell", message: "is not one of foam_roller, massage_stick, massage_ball, spiky_ball, hands"),
        .init(column: "pressure", value: "hard", message: "is not one of light, moderate, firm"),
        .init(column: "last_massage", value: "last week", message: "is not a date in the form YYYY-MM-DD"),
        .init(column: "session_minutes", value: "50", message: "is not one of 30, 45, 60, 90"),
    ]

    @Test("each column rejects a bad value with file, row, column, value and what was expected", arguments: badValues)
    func badValue(_ b: BadValue) throws {
        let r = try readClients("client_id,name,\(b.column)\nC1,Ann,\(b.value)\nC2,Bo,\n")
        #expect(r.diagnostics == [error(2, b.column, b.value, b.message)])
        #expect(r.profiles.map(\.clientID) == ["C2"])
        #expect(r.reader.rowsRead == 2 && r.reader.accepted == 1 && r.reader.rejected == 1)
    }

    @Test("a row with several bad values reports them all, counted as one rejected row")
    func severalErrors() throws {
        let r = try readClients("client_id,name,pain_level,pressure\nC1,,12,hard\n")
        #expect(
            r.diagnostics == [
                error(2, "name", "", "is empty; a value is required"),
                error(2, "pain_level", "12", "is not a whole number from 0 to 10"),
                error(2, "pressure", "hard", "is not one of light, moderate, firm"),
            ])
        #expect(r.reader.rejected == 1)
    }

    @Test("a row rejected for an empty name still names its client id; a row with no id names none")
    func rejectedRowsNameTheirClient() throws {
        let r = try readClients("client_id,name\nC9,\n,Ann\n")
        #expect(r.diagnostics.map(\.clientID) == ["C9", ""])
        #expect(r.diagnostics.map(\.column) == ["name", "client_id"])
    }

    @Test("a profile turned down after it was read (its outputs failed) moves to rejected: the counts stay whole")
    func rejectLast() throws {
        var reader = try ClientsReader(source: ByteSource(bytes: Array("client_id,name\nC1,Ann\nC2,Bo\n".utf8)), file: "clients.csv")
        _ = try reader.next()
        reader.rejectLast(message: "could not be written")
        while try reader.next() != nil {}
        #expect(reader.rowsRead == 2 && reader.accepted == 1 && reader.rejected == 1)
        #expect(reader.diagnostics == [Diagnostic(.error, file: "clients.csv", row: 2, message: "could not be written", clientID: "C1")])
    }

    @Test("a repeated client_id rejects the later row")
    func duplicateID() throws {
        let r = try readClients("client_id,name\nC1,Ann\nC1,Bo\n")
        #expect(r.profiles.map(\.name) == ["Ann"])
        #expect(r.diagnostics == [error(3, "client_id", "C1", "is already used on row 2; ids must be unique in the file")])
    }

    @Test("room reserved for ids from the file's size: repeats are still caught, and the guess stays under the sample's rows")
    func reservedIDs() throws {
        var reader = try ClientsReader(
            source: ByteSource(bytes: Array("client_id,name\nC1,Ann\nC2,Bo\nC1,Cy\n".utf8)), file: "clients.csv")
        reader.reserveIDs(forFileBytes: 1 << 20)
        var names: [String] = []
        while let p = try reader.next() { names.append(p.name) }
        #expect(names == ["Ann", "Bo"] && reader.rejected == 1)
        // A guess above the rows would ask for a table twice the size it needs.
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Input/clients.csv").path
        let bytes = try #require(FileManager.default.attributesOfItem(atPath: sample)[.size] as? Int)
        var rows = try ClientsReader(source: ByteSource(path: sample), file: "clients.csv")
        while try rows.next() != nil {}
        #expect(ClientsFile.expectedRows(bytes: bytes) <= rows.rowsRead)
        #expect(ClientsFile.expectedRows(bytes: bytes) > 0 && ClientsFile.expectedRows(bytes: -1) == 0)
    }

    @Test("too many or too few fields is an error on that row; the rest still run")
    func fieldCount() throws {
        let r = try readClients("client_id,name\nC1,Ann,extra\nC2\nC3,Cy\n")
        #expect(r.profiles.map(\.clientID) == ["C3"])
        #expect(r.diagnostics.map(\.row) == [2, 3])
        #expect(r.diagnostics[0].message == "has 3 fields but the header has 2; expected one value per column")
        #expect(r.diagnostics.map(\.clientID) == ["C1", "C2"], "a rejected row names its client")
        #expect(r.reader.rowsRead == 3 && r.reader.rejected == 2)
    }

    @Test("a record spanning lines reports its row and its starting line")
    func multilinePosition() throws {
        let r = try readClients("client_id,name,team,pain_level\nC1,Ann,\"Reds\nSecond XI\",3\nC2,Bo,Blues,x\n")
        #expect(r.profiles.first?.team == "Reds\nSecond XI")
        let d = try #require(r.diagnostics.first)
        #expect(d.row == 3 && d.line == 4)
        #expect(d.description == "clients.csv:3: error: pain_level \"x\" is not a whole number from 0 to 10 (record starts on line 4)")
    }

    @Test("Windows-1252 input is read and said so in a warning")
    func legacyWarning() throws {
        let bytes = Array("client_id,name\nC1,Jos".utf8) + [0xE9] + Array("\n".utf8)
        var reader = try ClientsReader(source: ByteSource(bytes: bytes), file: "clients.csv")
        let p = try #require(try reader.next())
        #expect(p.name == "José")
        #expect(try reader.next() == nil)
        #expect(reader.diagnostics.count == 1)
        #expect(reader.diagnostics[0].severity == .warning)
        #expect(reader.diagnostics[0].message.contains("read as Windows-1252"))
    }

    @Test("accepted + rejected = rows read, whatever the mix")
    func countsAddUp() throws {
        let r = try readClients("client_id,name,pain_level\nA,a,1\nB,b,x\nA,c,2\n\nD\nE,e,3\n\"F,f,4\n")
        #expect(r.reader.accepted + r.reader.rejected == r.reader.rowsRead)
        #expect(r.reader.rowsRead == 6)
        #expect(r.reader.accepted == 2)
    }
}
