import Foundation
import Testing

/// What a Python `script` printed as JSON, given the workbook at `path` as `sys.argv[1]`.
func pythonJSON(_ script: String, _ path: String) throws -> Any {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return try JSONSerialization.jsonObject(with: data)
}

@Suite("Printed pages of the workbook", .serialized)
struct PrintedPagesTests {
    @Test("every sheet prints with the clinic and week at the top and its name and 'page N of M' at the foot")
    func headersAndFooters() throws {
        let dir = try sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 0 || run.status == 3, "\(run.stderr)")
        let sheets = try #require(
            try pythonJSON(
                """
                import json, sys, openpyxl
                wb = openpyxl.load_workbook(sys.argv[1])
                print(json.dumps({ws.title: [ws.oddHeader.left.text or "", ws.oddFooter.left.text or "", ws.oddFooter.right.text or ""]
                                  for ws in wb.worksheets}))
                """, dir.appendingPathComponent("Reports/2026-W48/summary.xlsx").path) as? [String: [String]])
        #expect(sheets.count >= 12)
        for (name, parts) in sheets {
            #expect(parts[0].contains("Riverside Sports && Recovery Clinic") && parts[0].contains("2026-W48"), "\(name): \(parts[0])")
            #expect(parts[2] == "Page &P of &N", "\(name): \(parts[2])")
            #expect(parts[1] == name || parts[1].hasPrefix(name + ": "), "\(name): \(parts[1])")
        }
    }
}

/// A report on a `clients`-client sample (with sessions and a training log), in a new
/// workspace; the caller removes it.
func sampleReport(clients: Int) throws -> (dir: URL, workbook: String) {
    let dir = try workspace([:])
    #expect(try legcare(["sample", "--clients", String(clients), "--out", "s"], in: dir).status == 0)
    let run = try legcare(
        [
            "report", "--clients", "s/clients.csv", "--sessions", "s/sessions.csv", "--training", "s/training.csv", "--config",
            "s/clinic.yaml", "--as-of", "2026-11-23",
        ], in: dir)
    #expect(run.status == 0 || run.status == 3, "\(run.stderr)")
    return (dir, dir.appendingPathComponent("Reports/2026-W48/summary.xlsx").path)
}

@Suite("Every sheet prints well", .serialized)
struct SheetLayoutTests {
    /// What scripts/sheet-layout.py finds wrong in the workbook at `path`.
    static func layoutProblems(_ path: String) throws -> [String] {
        let script = try String(contentsOf: repositoryRoot.appendingPathComponent("scripts/sheet-layout.py"), encoding: .utf8)
        return try #require(try pythonJSON(script, path) as? [String])
    }

    @Test(
        "room for the page header and footer, long text wrapped in rows tall enough, no text against a number: the sample Input/"
    )
    func sampleInput() throws {
        let dir = try sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 0 || run.status == 3, "\(run.stderr)")
        let problems = try Self.layoutProblems(dir.appendingPathComponent("Reports/2026-W48/summary.xlsx").path)
        #expect(problems.isEmpty, "\(problems.prefix(20))")
    }

    @Test("the same at 1,500 clients, where names, area lists and notes run longest")
    func crowded() throws {
        let (dir, path) = try sampleReport(clients: 1500)
        defer { try? FileManager.default.removeItem(at: dir) }
        let problems = try Self.layoutProblems(path)
        #expect(problems.isEmpty, "\(problems.prefix(20))")
    }

    @Test("the checker itself finds text against a number, a cut name and a low header row")
    func checkerFinds() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad.xlsx").path
        _ = try pythonJSON(
            """
            import json, sys, openpyxl
            from openpyxl.styles import Alignment, Font, PatternFill
            wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Bad"
            ws.page_margins.top = ws.page_margins.bottom = 1
            ws.column_dimensions["A"].width = 10; ws.column_dimensions["B"].width = 10; ws.column_dimensions["C"].width = 10
            ws["A1"] = "A title much longer than its column"; ws["A1"].font = Font(b=True)
            ws["A1"].fill = PatternFill("solid", fgColor="DDEBF7"); ws["A1"].alignment = Alignment(wrap_text=True)
            ws["A2"] = 12; ws["B2"] = "text"; ws["C2"] = "x"
            ws["A3"] = "A name far too long"; ws["B3"] = "next"
            wb.save(sys.argv[1]); print("[]")
            """, path)
        let problems = try Self.layoutProblems(path)
        #expect(problems.contains { $0.hasPrefix("Bad!A1: wraps") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("Bad!B2: text starts against the number") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("Bad!A3:") && $0.contains("not wrapped") }, "\(problems)")
    }
}

@Suite("Squad charts, read as a coach's analyst would", .serialized)
struct SquadSheetLayoutTests {
    @Test("the daily-load chart draws each team in its own colour, in natural team order, from a table of its own")
    func loadChart() throws {
        let (dir, path) = try sampleReport(clients: 1500)
        defer { try? FileManager.default.removeItem(at: dir) }
        let found = try #require(
            try pythonJSON(
                """
                import json, re, sys, zipfile, openpyxl
                z = zipfile.ZipFile(sys.argv[1])
                colours = None
                for name in z.namelist():
                    xml = z.read(name).decode()
                    if name.startswith("xl/charts/") and "Daily training load" in xml:
                        colours = [re.search(r'srgbClr val="([0-9A-F]+)"', s).group(1) for s in xml.split("<c:ser>")[1:]]
                wb = openpyxl.load_workbook(sys.argv[1])
                ws = wb["Squad charts"]
                header = [(c.column, c.row) for row in ws.iter_rows() for c in row if c.value == "Date"]
                teams = [c.value for c in ws[header[0][1]]][header[0][0]:] if header else []
                squad = [c.value for row in wb["Squad"].iter_rows(min_row=1) for c in row if c.value == "Date"]
                print(json.dumps({"colours": colours, "dateColumns": sorted(set(col for col, _ in header)),
                                  "teams": [t for t in teams if t], "onSquad": len(squad)}))
                """, path) as? [String: Any])
        let colours = try #require(found["colours"] as? [String])
        #expect(colours.count >= 3, "the sample has several teams")
        #expect(Set(colours).count == colours.count, "each team its own colour: \(colours)")
        #expect(found["dateColumns"] as? [Int] == [6], "the table starts in column F, right of the ACWR table")
        let teams = try #require(found["teams"] as? [String])
        #expect(teams == teams.sorted { $0.compare($1, options: .numeric) == .orderedAscending }, "\(teams)")
        #expect(found["onSquad"] as? Int == 0, "the athletes' sheet holds the athletes only")
    }

    @Test("every chart of the workbook gives each series (and each slice of a pie) a colour of its own")
    func distinctColours() throws {
        let (dir, path) = try sampleReport(clients: 1500)
        defer { try? FileManager.default.removeItem(at: dir) }
        let charts = try #require(
            try pythonJSON(
                """
                import json, re, sys, zipfile
                z = zipfile.ZipFile(sys.argv[1])
                out = {}
                for name in sorted(n for n in z.namelist() if n.startswith("xl/charts/chart")):
                    xml = z.read(name).decode()
                    title = re.search(r"<a:t>([^<]*)</a:t>", xml).group(1)
                    series = xml.split("<c:ser>")[1:]
                    if "<c:pieChart>" in xml:
                        colours = re.findall(r'<c:dPt>.*?srgbClr val="([0-9A-F]+)"', series[0])
                    else:
                        colours = [(re.search(r'srgbClr val="([0-9A-F]+)"', s) or [None, None])[1] for s in series]
                    out[title] = colours
                print(json.dumps(out))
                """, path) as? [String: [Any]])
        #expect(charts.count >= 7, "\(charts.keys.sorted())")
        for (title, found) in charts where found.count > 1 {
            let colours = found.map { $0 as? String }
            #expect(!colours.contains(nil), "\(title): a series without a colour of its own")
            #expect(Set(colours.compactMap { $0 }).count == colours.count, "\(title): \(colours)")
        }
    }

    @Test("the ACWR chart shows the 40 highest of the athletes with an ACWR, highest first, and says so")
    func acwrChart() throws {
        let (dir, path) = try sampleReport(clients: 1500)
        defer { try? FileManager.default.removeItem(at: dir) }
        let found = try #require(
            try pythonJSON(
                """
                import json, sys, openpyxl
                wb = openpyxl.load_workbook(sys.argv[1])
                squad = [row[7] for row in wb["Squad"].iter_rows(min_row=2, values_only=True) if isinstance(row[7], (int, float))]
                ws = wb["Squad charts"]
                top = [row[0] for row in ws.iter_rows() if row[0].value == "Athlete"][0].row
                table = [row[2] for row in ws.iter_rows(min_row=top + 1, values_only=True) if row[2] is not None]
                print(json.dumps({"squad": sorted(squad, reverse=True), "table": table, "note": ws["A2"].value}))
                """, path) as? [String: Any])
        let squad = try #require(found["squad"] as? [Double])
        let table = try #require(found["table"] as? [Double])
        #expect(squad.count > 40, "the sample has more athletes than the chart shows")
        #expect(table == Array(squad.prefix(40)), "the 40 highest, highest first")
        let note = try #require(found["note"] as? String)
        #expect(note.contains("the 40 highest of \(squad.count) athletes"), "\(note)")
    }
}
