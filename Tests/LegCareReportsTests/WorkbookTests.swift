import Foundation
import LegCareCore
import LegCareRun
import PropertyBased
import Testing

@testable import LegCareNative
@testable import LegCareReports

/// Reads a workbook with Python's openpyxl (an independent reader) and returns, per
/// sheet: its cells as [row][col] of [type, value], tables, frozen pane and filters.
func readWithOpenpyxl(_ path: String) throws -> [String: Any] {
    let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {"sheets": wb.sheetnames}
        for ws in wb.worksheets:
            rows = []
            for row in ws.iter_rows():
                rows.append([[c.data_type, getattr(c, "is_date", False), None if c.value is None else str(c.value)] for c in row])
            out[ws.title] = {"rows": rows, "tables": list(ws.tables.keys()), "freeze": ws.freeze_panes,
                             "filter": ws.auto_filter.ref, "cf": len(ws.conditional_formatting), "charts": len(ws._charts)}
        print(json.dumps(out))
        """
    return try openpyxl(script, path) as! [String: Any]
}

/// Runs a Python `script` that reads the workbook at `sys.argv[1]` with openpyxl and
/// prints JSON; returns what it printed.
func openpyxl(_ script: String, _ path: String) throws -> Any {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, path]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
    return try JSONSerialization.jsonObject(with: data)
}

func rows(_ book: [String: Any], _ sheet: String) -> [[[Any]]] {
    ((book[sheet] as? [String: Any])?["rows"] as? [[[Any]]]) ?? []
}

func text(_ cell: [Any]) -> String? { cell[2] as? String }

@Suite("Summary workbook, read back with openpyxl", .serialized)
final class WorkbookTests {
    static let asOf = Day(iso: "2026-11-23")!
    /// The folders ``write(_:constantMemory:rowLimit:diagnostics:)`` made: removed when the test ends.
    private var made: [String] = []
    deinit { for dir in made { try? FileManager.default.removeItem(atPath: dir) } }

    func write(_ profiles: [ClientProfile], constantMemory: Bool = false, rowLimit: Int = Workbook.rowLimit, diagnostics: [Diagnostic] = [])
        throws -> (String, [Diagnostic])
    {
        let dir = try temporaryFolder("wb")
        made.append(dir)
        let path = dir + "/summary.xlsx"
        var config = ClinicConfig()
        config.therapists = [.init(name: "Ana", hoursAvailable: 10)]
        let wb = try SummaryWorkbook(
            path: path, tmpdir: dir, config: config, asOf: Self.asOf, constantMemory: constantMemory, hasTraining: false, rowLimit: rowLimit
        )
        for p in profiles { try wb.add(PlanEngine().plan(for: p, asOf: Self.asOf), profile: p) }
        let warnings = try wb.finish(
            diagnostics: diagnostics,
            facts: RunFacts(files: [.init(file: "clients.csv", read: profiles.count, accepted: profiles.count, rejected: 0)]),
            sessions: SessionLog())
        try XLSXCheck.verify(path: path)
        return (path, warnings)
    }

    func client(_ id: String, _ name: String, _ change: (inout ClientProfile) -> Void = { _ in }) -> ClientProfile {
        var p = ClientProfile(clientID: id, name: name, therapist: "Ana", trainingLoad: .heavy, soreAreas: [.calves], tools: [.foamRoller])
        change(&p)
        return p
    }

    @Test("sheets, headers, row counts, a table with filters, a frozen header and status colours")
    func structure() throws {
        let (path, _) = try write([
            client("A", "Ann"), client("B", "Bo") { $0.conditions = [.dvtSigns] }, client("C", "Cy") { $0.conditions = [.fever] },
        ])
        let book = try readWithOpenpyxl(path)
        #expect(
            book["sheets"] as? [String] == [
                "Overview", "Changes", "Timetable", "Clients", "Routines", "Referrals", "Forecast", "Input issues",
            ])
        let clients = rows(book, "Clients")
        #expect(clients.count == 4)
        #expect(clients[0].compactMap(text).prefix(5) == ["Client ID", "Name", "Team", "Therapist", "Status"])
        let info = book["Clients"] as! [String: Any]
        #expect(info["tables"] as? [String] == ["Clients"])
        #expect(info["freeze"] as? String == "A2")
        #expect((info["cf"] as? Int ?? 0) >= 1)
        #expect(rows(book, "Routines").count == 2)
        let referrals = rows(book, "Referrals")
        #expect(referrals.count == 3)
        #expect(text(referrals[1][0]) == "urgent", "most urgent first")
        #expect(text(referrals[2][0]) == "soon")
        #expect(((book["Overview"] as! [String: Any])["charts"] as? Int) == 2)
    }

    @Test("every column chart's value axis starts at zero, so a bar twice as tall means twice as many")
    func columnChartsFromZero() throws {
        // Counts of 8 and 9 drew as bars of 1 and 10 on LibreOffice's own axis (it began at 7.4).
        let (path, _) = try write((0..<9).map { client("A\($0)", "Ann \($0)") })
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(json.dumps([[ws.title, c.tagname, c.y_axis.scaling.min] for ws in wb.worksheets for c in ws._charts
                              if c.tagname != "pieChart"]))
            """
        let charts = try #require(try openpyxl(script, path) as? [[Any]])
        let columns = charts.filter { $0[1] as? String == "barChart" }
        #expect(Set(columns.compactMap { $0[0] as? String }) == ["Overview", "Forecast"], "the column charts checked: \(charts)")
        for chart in columns { #expect((chart[2] as? Double) == 0, "\(chart)") }
    }

    @Test("Referrals: most urgent first, then input order within an urgency")
    func referralOrder() throws {
        let conditions: [(String, Condition)] = [
            ("S1", .fever), ("U1", .dvtSigns), ("E1", .darkUrine), ("S2", .swelling), ("U2", .dvtSigns), ("E2", .saddleNumbness),
        ]
        let (path, _) = try write(
            [client("N0", "Cleared")] + conditions.map { id, c in client(id, "Name \(id)") { $0.conditions = [c] } }, constantMemory: true)
        let referrals = rows(try readWithOpenpyxl(path), "Referrals")
        #expect(referrals.dropFirst().map { text($0[2]) } == ["E1", "E2", "U1", "U2", "S1", "S2"])
        #expect(referrals.dropFirst().map { text($0[0]) } == ["emergency", "emergency", "urgent", "urgent", "soon", "soon"])
        #expect(text(referrals[1][3]) == "Name E1" && text(referrals[1][1]) == "emergency")
    }

    @Test("Clients print without Why, whose reasons ran past the page and shrank it: every other column, a footer, areas set in")
    func clientsPrint() throws {
        let profiles = [client("A1", "Ann"), client("B1", "Bo") { $0.conditions = [.dvtSigns] }, client("C1", "Cy")]
        for constantMemory in [false, true] {
            let (path, _) = try write(profiles, constantMemory: constantMemory)
            let script = """
                import json, sys, openpyxl
                from openpyxl.utils import get_column_letter
                ws = openpyxl.load_workbook(sys.argv[1])["Clients"]
                widths = [ws.column_dimensions[get_column_letter(i)].width for i in range(1, ws.max_column + 1)]
                print(json.dumps({"area": ws.print_area, "footer": ws.oddFooter.left.text, "widths": widths,
                    "last": ws.cell(1, ws.max_column).value, "indent": [ws.cell(r, 15).alignment.indent for r in range(2, 5)],
                    "header": ws.row_dimensions[1].height}))
                """
            let sheet: [String: Any] = try #require(try openpyxl(script, path) as? [String: Any])
            #expect(sheet["last"] as? String == "Why")
            #expect(sheet["area"] as? String == "'Clients'!$A$1:$O$4", "every column but Why, every row")
            #expect(
                (sheet["footer"] as? String)?.hasPrefix("Clients: Why is not printed") == true, "the sheet name first, as on every sheet")
            let widths: [Double] = try #require(sheet["widths"] as? [Double])
            let pixels = widths.dropLast().reduce(0) { $0 + 7 * $1 + 5 }
            #expect(988 / pixels >= 0.6, "printed at \(Int(100 * 988 / pixels))% of full size")
            #expect(sheet["indent"] as? [Double] == [1, 1, 1], "areas start one step right of the minutes beside them")
            #expect(sheet["header"] as? Double == 30, "two-line titles fit the header row")
        }
    }

    @Test("Referrals print readably: every cell wraps, rows fit their reasons, one A4 page wide at near full size")
    func referralsPrint() throws {
        let reasons: Set<Condition> = [.saddleNumbness, .progressiveWeakness]  // two long reasons, joined
        let (path, _) = try write(
            [client("E1", "Name E1") { $0.conditions = reasons }, client("S1", "Name S1") { $0.conditions = [.fever] }],
            constantMemory: true)
        let script = """
            import json, sys, openpyxl
            from openpyxl.utils import get_column_letter
            ws = openpyxl.load_workbook(sys.argv[1])["Referrals"]
            widths = [ws.column_dimensions[get_column_letter(i)].width for i in range(1, ws.max_column + 1)]
            rows = [{"wrap": all(c.alignment.wrap_text for c in row), "top": all(c.alignment.vertical == "top" for c in row),
                     "height": ws.row_dimensions[row[0].row].height, "why": len(row[7].value or "")}
                    for row in ws.iter_rows(min_row=2)]
            print(json.dumps({"widths": widths, "rows": rows, "landscape": ws.page_setup.orientation == "landscape"}))
            """
        let sheet: [String: Any] = try #require(try openpyxl(script, path) as? [String: Any])
        let widths: [Double] = try #require(sheet["widths"] as? [Double])
        // A landscape A4 page inside libxlsxwriter's default 0.7" margins is about 988
        // pixels wide; a column of width w takes 7w + 5 pixels.
        let pixels = widths.reduce(0) { $0 + 7 * $1 + 5 }
        #expect(sheet["landscape"] as? Bool == true)
        #expect(988 / pixels >= 0.85, "printed at \(Int(100 * 988 / pixels))% of full size")
        let rows: [[String: Any]] = try #require(sheet["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        for row in rows {
            #expect(row["wrap"] as? Bool == true && row["top"] as? Bool == true)
        }
        // The emergency row's two reasons take several lines at the Why column's width.
        let first = rows[0]
        let height: Double = try #require(first["height"] as? Double)
        let why: Int = try #require(first["why"] as? Int)
        let lines = (Double(why) / widths[7]).rounded(.up)
        #expect(height >= 15 * lines, "\(height) points for about \(lines) lines")
    }

    @Test("Squad: only the members the pipeline shows (those with attention) get a row, and their booking comes by input order")
    func squadShown() throws {
        let dir = try temporaryFolder("squad-shown")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/summary.xlsx"
        let wb = try Workbook(path: path, tmpdir: dir, constantMemory: true, created: Self.asOf, title: "t")
        let sheet = try wb.addSheet("Squad")
        let red = client("R1", "Rowan Red") {
            $0.team = "Riverside FC"
            $0.conditions = [.fever]
        }
        let plain = client("G1", "Gale Green") { $0.team = "Riverside FC" }
        var members = [plain, red].enumerated().map { i, p in
            SquadMember(order: i, plan: PlanEngine().plan(for: p, asOf: Self.asOf), profile: p)
        }
        // An athlete (attention comes with training rows) beside a team member without any.
        members[1].attention = Attention(level: .red, reasons: ["must see a GP within a few days before any massage"])
        #expect(members[0].attention == nil, "the fixture: one member without attention")
        var asked: [Int] = []
        _ = try SquadSheet.write(
            try Squad(members, folder: dir),
            booking: {
                asked.append($0)
                return nil
            }, config: ClinicConfig(), to: wb, sheet: sheet)
        try wb.close()
        #expect(asked == [1], "the booking is looked up by the shown member's input order")
        let script = """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["Squad"]
            print(json.dumps([row[1] for row in ws.iter_rows(min_row=2, max_row=4, values_only=True)]))
            """
        let ids = try #require(try openpyxl(script, path) as? [Any])
        #expect(ids.first as? String == "R1")
        #expect(!ids.contains { $0 as? String == "G1" }, "a member without attention is not on the Squad sheet")
    }

    @Test("Squad: text wraps level with the numbers, rows fit the reasons, nothing runs into the next column")
    func squadWraps() throws {
        let dir = try temporaryFolder("squad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/summary.xlsx"
        let wb = try Workbook(path: path, tmpdir: dir, constantMemory: true, created: Self.asOf, title: "t")
        let sheet = try wb.addSheet("Squad")
        // A red athlete (two conditions, so a long reason with flags) and a green one.
        let red = client("R1", "Rowan Red") {
            $0.team = "Riverside FC"
            $0.conditions = [.dvtSigns, .fever]
        }
        let green = client("G1", "Gale Green") { $0.team = "Riverside FC" }
        var members = [red, green].enumerated().map { i, p in
            SquadMember(order: i, plan: PlanEngine().plan(for: p, asOf: Self.asOf), profile: p)
        }
        // Both athletes: the sheet shows those with attention.
        members[0].attention = Attention(level: .red, reasons: ["referral"])
        members[1].attention = Attention(level: .green, reasons: [])
        _ = try SquadSheet.write(try Squad(members, folder: dir), booking: { _ in nil }, config: ClinicConfig(), to: wb, sheet: sheet)
        try wb.close()
        let script = """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["Squad"]
            rows = {}
            for row in ws.iter_rows(min_row=2, max_row=3):
                rows[row[1].value] = {"wrap": [c.column for c in row if c.alignment.wrap_text],
                    "indent": [c.column for c in row if c.alignment.indent],
                    "bottom": all(c.alignment.vertical in (None, "bottom") for c in row),
                    "height": ws.row_dimensions[row[0].row].height, "why": len(row[4].value or "")}
            print(json.dumps({"rows": rows, "why": ws.column_dimensions["E"].width}))
            """
        let book: [String: Any] = try #require(try openpyxl(script, path) as? [String: Any])
        let rows: [String: [String: Any]] = try #require(book["rows"] as? [String: [String: Any]])
        let width: Double = try #require(book["why"] as? Double)
        for id in ["R1", "G1"] {
            let row: [String: Any] = try #require(rows[id])
            #expect(row["wrap"] as? [Int] == [1, 2, 3, 5, 12], "\(id): team, id, name, why and wellness flags wrap")
            #expect(row["bottom"] as? Bool == true, "\(id): every cell at the bottom, level with the numbers")
            #expect(row["indent"] as? [Int] == [12], "\(id): the wellness flags start one step right of the strain")
        }
        let why: Int = try #require(rows["R1"]?["why"] as? Int)
        #expect(Double(why) > width, "the red athlete's reasons are longer than one line")
        let height: Double = try #require(rows["R1"]?["height"] as? Double)
        #expect(height >= 15 * (Double(why) / width).rounded(.up))
    }

    @Test("a row's lines: words while they fit, a word longer than the column broken inside it, characters not bytes")
    func lineCount() {
        #expect(Workbook.lines("a b", width: 3) == 1)
        #expect(Workbook.lines("aaa bbb", width: 5) == 2)
        #expect(Workbook.lines("abcdefghij", width: 4) == 3, "abcd / efgh / ij")
        #expect(Workbook.lines("ab cdefghij", width: 4) == 3, "ab / cdef / ghij")
        #expect(Workbook.lines("plantar_fascia, calves, hamstrings", width: 24) == 2)
        #expect(Workbook.lines("Zoë Ærø Åsa Øster", width: 9) == 2, "Zoë Ærø / Åsa Øster: 17 characters, 22 bytes")
        #expect(Workbook.lines("", width: 10) == 1)
    }

    @Test("dates are real dates and numbers are numbers")
    func types() throws {
        let (path, _) = try write([client("A", "Ann")])
        let row = rows(try readWithOpenpyxl(path), "Clients")[1]
        #expect(row[11][1] as? Bool == true, "Window from is a date")
        #expect(text(row[11])?.hasPrefix("2026-11-23") == true)
        #expect(row[9][0] as? String == "n", "interval is a number")
    }

    @Test("text that looks like a formula is stored as text, never executed")
    func formulaLike() throws {
        let names = ["=HYPERLINK(\"http://x\",\"y\")", "+44 1234", "-2+3", "@SUM(A1)"]
        let (path, _) = try write(names.enumerated().map { client("F\($0.offset)", $0.element) })
        let clients = rows(try readWithOpenpyxl(path), "Clients")
        for (i, name) in names.enumerated() {
            #expect(clients[i + 1][1][0] as? String == "s")
            #expect(text(clients[i + 1][1]) == name)
        }
    }

    @Test("a literal _xHHHH_ reads back exactly as typed")
    func escapes() throws {
        let (path, _) = try write([client("E", "Ann_x0041_Lee")])
        #expect(text(rows(try readWithOpenpyxl(path), "Clients")[1][1]) == "Ann_x0041_Lee")
    }

    @Test("a cell over 32,767 UTF-16 units is cut with a visible marker and a warning")
    func cellLimit() throws {
        let long = String(repeating: "😀", count: 20_000)  // 40,000 UTF-16 units
        let (path, warnings) = try write([client("L", long)])
        let value = try #require(text(rows(try readWithOpenpyxl(path), "Clients")[1][1]))
        #expect(value.utf16.count <= 32_767)
        #expect(value.hasSuffix("full text in plans.jsonl]"))
        #expect(warnings.map(\.column) == ["Clients!B", "Routines!B"])
        #expect(!warnings[0].description.contains("😀"), "the warning carries no client data")
    }

    @Test("a sheet that would pass the row limit continues on 'Clients (2)'")
    func continuation() throws {
        let (path, _) = try write((0..<7).map { client("C\($0)", "N\($0)") }, rowLimit: 4)
        let book = try readWithOpenpyxl(path)
        let sheets = book["sheets"] as! [String]
        #expect(sheets.contains("Clients (2)") && sheets.contains("Clients (3)"))
        #expect(rows(book, "Clients").count == 4 && rows(book, "Clients (2)").count == 4 && rows(book, "Clients (3)").count == 2)
        #expect(text(rows(book, "Clients (2)")[0][0]) == "Client ID")
    }

    @Test("constant-memory mode writes the same rows with filter buttons")
    func constantMemory() throws {
        let (path, _) = try write([client("A", "Ann"), client("B", "Bo")], constantMemory: true)
        let book = try readWithOpenpyxl(path)
        #expect(rows(book, "Clients").count == 3)
        #expect((book["Clients"] as! [String: Any])["filter"] as? String == "A1:P3")
    }

    @Test("input issues appear one per row")
    func issues() throws {
        let d = Diagnostic(
            .error, file: "clients.csv", row: 4, column: "pain_level", value: "x", message: "is not a whole number from 0 to 10")
        let (path, _) = try write([client("A", "Ann")], diagnostics: [d, d])
        #expect(rows(try readWithOpenpyxl(path), "Input issues").count == 3)
    }

    @Test("NaN and infinity are never written (libxlsxwriter would write invalid XML)")
    func nonFinite() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wb-nan-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wb = try Workbook(path: dir + "/n.xlsx", tmpdir: dir, constantMemory: false, created: Self.asOf, title: "t")
        let sheet = try wb.addSheet("S")
        try wb.write(sheet, 0, 0, number: .nan)
        try wb.write(sheet, 0, 1, number: .infinity)
        try wb.write(sheet, 0, 2, number: 1.5)
        try wb.close()
        try XLSXCheck.verify(path: dir + "/n.xlsx")
        let row = rows(try readWithOpenpyxl(dir + "/n.xlsx"), "S")[0]
        #expect(row[0][2] is NSNull && row[1][2] is NSNull)
        #expect(text(row[2]) == "1.5")
    }

    @Test("sheet names are legal and at most 31 characters")
    func sheetNames() {
        #expect(SheetName.make("A very long sheet name that goes on and on", part: 12).count == 31)
        #expect(SheetName.make("a/b:c*d?[e]") == "a_b_c_d__e_")
        #expect(SheetName.make("Clients", part: 2) == "Clients (2)")
    }

    @Test("the same inputs give the same bytes")
    func deterministic() throws {
        let a = try write([client("A", "Ann"), client("B", "Bo")]).0
        let b = try write([client("A", "Ann"), client("B", "Bo")]).0
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
    }

}
