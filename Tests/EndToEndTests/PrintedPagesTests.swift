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
            if name != "Clients" { #expect(parts[1] == name, "\(name): \(parts[1])") }
        }
    }
}

@Suite("Squad sheet, read as a coach's analyst would", .serialized)
struct SquadSheetLayoutTests {
    @Test("the daily-load chart draws each team in its own colour, from a table in columns of its own")
    func loadChart() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try legcare(["sample", "--clients", "1500", "--out", "s"], in: dir).status == 0)
        let run = try legcare(
            [
                "report", "--clients", "s/clients.csv", "--sessions", "s/sessions.csv", "--training", "s/training.csv", "--config",
                "s/clinic.yaml", "--as-of", "2026-11-23",
            ], in: dir)
        #expect(run.status == 0 || run.status == 3, "\(run.stderr)")
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
                ws = openpyxl.load_workbook(sys.argv[1])["Squad"]
                header = [(c.column, c.row) for row in ws.iter_rows() for c in row if c.value == "Date"]
                print(json.dumps({"colours": colours, "dateColumns": sorted(set(col for col, _ in header))}))
                """, dir.appendingPathComponent("Reports/2026-W48/summary.xlsx").path) as? [String: Any])
        let colours = try #require(found["colours"] as? [String])
        #expect(colours.count >= 3, "the sample has several teams")
        #expect(Set(colours).count == colours.count, "each team its own colour: \(colours)")
        #expect(found["dateColumns"] as? [Int] == [16], "the table starts in column P, right of the athletes'")
    }
}
