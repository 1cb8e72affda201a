import LegCareCore
import LegCareRun
import Testing

@testable import LegCareIntake

/// Files as practice and athlete systems export them: their own headers, day-first dates,
/// start and end times, their own status words, decimal commas.
@Suite("Exports as they come: column mapping, date forms, start and end, status words, decimal commas")
struct ExportFormatTests {
    static let asOf = Day(iso: "2026-11-23")!

    static func format(_ yaml: String) throws -> InputFormat {
        try ClinicConfigLoader.load(yaml: yaml, file: "clinic.yaml").input
    }

    static func sessions(_ csv: String, _ format: InputFormat = InputFormat(), dates: InputFormat.DateOrder = .iso) throws
        -> SessionsReader.Result
    {
        try SessionsReader.read(ByteSource(bytes: Array(csv.utf8)), file: "appointments.csv", format: format, dates: dates)
    }

    @Test("a mapped header is read as its contract column; validate's notes come from the same mapping")
    func mapping() throws {
        let format = try Self.format(
            """
            columns:
              sessions: {session_id: "Appointment ID", client_id: "Patient ID", date: "Day", minutes: "Length", status: "Outcome"}
            """)
        let csv = "Appointment ID,Patient ID,Day,Length,Outcome\nA1,P1,2026-11-16,45,completed\n"
        let r = try Self.sessions(csv, format)
        #expect(r.rejected == 0 && r.log.lastCompleted("P1", onOrBefore: Self.asOf) == Day(iso: "2026-11-16"))
        #expect(format.columns["sessions"]?["client_id"] == InputFormat.Mapping(header: "Patient ID", line: 2))
    }

    @Test("a mapping to a column the contract lacks stops at its line of clinic.yaml")
    func unknownContractColumn() throws {
        let error = #expect(throws: IntakeError.self) {
            try Self.format("language: en\ncolumns:\n  sessions:\n    patient: \"Patient ID\"\n")
        }
        #expect(error?.description.hasPrefix("clinic.yaml:4: error: columns.sessions.patient: is not a column of sessions.csv") == true)
        #expect(throws: IntakeError.self) { try Self.format("columns:\n  invoices: {client_id: X}\n") }
    }

    @Test("a mapping to a header the file lacks stops with the line of clinic.yaml, naming the file's headers")
    func missingHeader() throws {
        let format = try Self.format("columns:\n  sessions:\n    client_id: \"Patient ID\"\n")
        let error = #expect(throws: IntakeError.self) {
            try Self.sessions("session_id,client,date,minutes,status\nA,P,2026-11-16,45,completed\n", format)
        }
        let text = error?.description ?? ""
        #expect(text.hasPrefix("clinic.yaml:3: error: columns.sessions.client_id: names \"Patient ID\""), "\(text)")
        #expect(text.contains("session_id, client, date, minutes, status"))
    }

    @Test("day-first dates with /, . and -, with or without a time; month-first; ISO always")
    func dateForms() throws {
        let day = Day(iso: "2026-11-23")!
        for text in ["23/11/2026", "23.11.2026", "23-11-2026", "2026-11-23"] {
            #expect(try DateParser.day(text, order: .dayFirst).get() == day, "\(text)")
        }
        #expect(try DateParser.day("11/23/2026", order: .monthFirst).get() == day)
        #expect(try DateParser.moment("23/11/2026 14:30", order: .dayFirst).get() == Moment(day: day, minuteOfDay: 870))
        #expect(try DateParser.moment("23.11.2026 09:05:59", order: .dayFirst).get() == Moment(day: day, minuteOfDay: 545))
        #expect((try? DateParser.day("23/11/2026", order: .iso).get()) == nil, "ISO only without date_format")
        #expect((try? DateParser.day("11/23/2026", order: .dayFirst).get()) == nil, "no month 23")
        #expect((try? DateParser.day("31/02/2026", order: .dayFirst).get()) == nil, "no 31 February")
        #expect((try? DateParser.moment("23/11/2026 24:00", order: .dayFirst).get()) == nil)
        if case .failure(let e) = DateParser.day("23/11/2026", order: .iso) { #expect(e.text.contains("date_format: day-first")) }
        if case .failure(let e) = DateParser.day("last week", order: .iso) { #expect(e.text == "is not a date in the form YYYY-MM-DD") }
    }

    @Test("without date_format: an unambiguous file is read in its order with one warning; an ambiguous one stops, naming a row")
    func detection() throws {
        let clear = "session_id,client_id,date,minutes,status\nA,P,05/11/2026,45,completed\nB,P,23/11/2026,45,completed\n"
        let found = try DateOrderDetector.order(
            ByteSource(bytes: Array(clear.utf8)), file: "s.csv", kind: "sessions", format: InputFormat())
        #expect(found.order == .dayFirst)
        #expect(found.warning?.message.contains("read day first") == true && found.warning?.row == 3)
        let us = "session_id,client_id,date,minutes,status\nA,P,11/23/2026,45,completed\n"
        #expect(
            try DateOrderDetector.order(ByteSource(bytes: Array(us.utf8)), file: "s.csv", kind: "sessions", format: InputFormat()).order
                == .monthFirst)
        let both =
            "session_id,client_id,date,minutes,status\nA,P,2026-11-01,45,completed\nB,P,05/11/2026,45,completed\nC,P,06/11/2026,45,completed\n"
        let error = #expect(throws: IntakeError.self) {
            try DateOrderDetector.order(ByteSource(bytes: Array(both.utf8)), file: "s.csv", kind: "sessions", format: InputFormat())
        }
        #expect(error?.description.contains("row 3") == true && error?.description.contains("date_format: day-first") == true)
        let iso = "session_id,client_id,date,minutes,status\nA,P,2026-11-01,45,completed\n"
        let plain = try DateOrderDetector.order(ByteSource(bytes: Array(iso.utf8)), file: "s.csv", kind: "sessions", format: InputFormat())
        #expect(plain.order == .iso && plain.warning == nil)
    }

    @Test("start and end give the day and minutes; an end before the start, or over a day later, is an error on its row")
    func startEnd() throws {
        let csv = """
            session_id,client_id,start,end,status
            A,P,16/11/2026 09:00,16/11/2026 09:45,completed
            B,P,17/11/2026 23:30,18/11/2026 00:30,completed
            C,P,18/11/2026 10:00,18/11/2026 09:00,completed
            D,P,19/11/2026 10:00,20/11/2026 10:01,completed
            E,P,20/11/2026,20/11/2026 10:00,completed

            """
        let r = try Self.sessions(csv, dates: .dayFirst)
        #expect(r.rowsRead == 5 && r.rejected == 3)
        let volume =
            try r.log.therapistTotals(inWeeks: ["2026-W47"])["unassigned"] ?? r.log.therapistTotals(inWeeks: ["2026-W47"]).values.first
        #expect(volume?.minutes == 105, "45 + 60 minutes, the second across midnight")
        #expect(r.diagnostics.map { "\($0.row) \($0.column)" } == ["4 end", "5 end", "6 start"])
        #expect(r.diagnostics[0].message.contains("not after the start") && r.diagnostics[1].message.contains("more than a day"))
    }

    @Test("every default status word, any case; the clinic's own words; an unknown word names those accepted")
    func statusWords() throws {
        var rows = ["session_id,client_id,date,minutes,status"]
        var expected: [SessionStatus] = []
        for (status, words) in SessionsReader.defaultStatusWords {
            for (i, word) in words.enumerated() {
                rows.append("S\(rows.count),P,2026-11-16,30,\(i % 2 == 0 ? word.uppercased() : word)")
                expected.append(status)
            }
        }
        rows.append("S\(rows.count),P,2026-11-16,30,Showed up")
        rows.append("S\(rows.count),P,2026-11-16,30,Rescheduled")
        let format = try Self.format("status_words:\n  completed: [Showed up]\n")
        let r = try Self.sessions(rows.joined(separator: "\n") + "\n", format)
        #expect(r.rejected == 1 && r.diagnostics.count == 1)
        #expect(
            r.diagnostics.first?.message.contains("did not arrive") == true && r.diagnostics.first?.message.contains("showed up") == true)
        let v = try r.log.therapistTotals(inWeeks: ["2026-W47"]).values.reduce(SessionLog.Volume()) { $0 + $1 }
        #expect(v.completed == expected.filter { $0 == .completed }.count + 1)
        #expect(v.noShow == expected.filter { $0 == .noShow }.count && v.cancelled == expected.filter { $0 == .cancelled }.count)
    }

    @Test("a decimal comma in a ;-separated file: RPE 7,5 is 7.5; a decimal point anywhere")
    func decimalComma() throws {
        let semi = "client_id;date;minutes;rpe\nA;2026-11-20;60;7,5\nA;2026-11-21;40;6.5\nA;2026-11-22;40;7,5,1\n"
        let r = try TrainingReader.read(ByteSource(bytes: Array(semi.utf8)), file: "training.csv")
        #expect(r.histories["A"]?.load(on: Day(iso: "2026-11-20")!) == 450)
        #expect(r.histories["A"]?.load(on: Day(iso: "2026-11-21")!) == 260)
        #expect(r.rejected == 1 && r.diagnostics.first?.message.contains("such as 7 or 7,5") == true)
        let comma = "client_id,date,minutes,rpe\nA,2026-11-20,60,\"7,5\"\n"
        #expect(
            try TrainingReader.read(ByteSource(bytes: Array(comma.utf8)), file: "training.csv").rejected == 1,
            "a comma file keeps the point")
    }
}
