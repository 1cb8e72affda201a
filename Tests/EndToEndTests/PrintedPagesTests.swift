import Foundation
import Testing

@Suite("Printed pages of the workbook", .serialized)
struct PrintedPagesTests {
    @Test("every sheet prints with the clinic and week at the top and its name and 'page N of M' at the foot")
    func headersAndFooters() throws {
        let dir = try sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 0 || run.status == 3, "\(run.stderr)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [
            "python3", "-c",
            """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(json.dumps({ws.title: [ws.oddHeader.left.text or "", ws.oddFooter.left.text or "", ws.oddFooter.right.text or ""]
                              for ws in wb.worksheets}))
            """,
            dir.appendingPathComponent("Reports/2026-W48/summary.xlsx").path,
        ]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let sheets = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String]])
        #expect(sheets.count >= 12)
        for (name, parts) in sheets {
            #expect(parts[0].contains("Riverside Sports && Recovery Clinic") && parts[0].contains("2026-W48"), "\(name): \(parts[0])")
            #expect(parts[2] == "Page &P of &N", "\(name): \(parts[2])")
            if name != "Clients" { #expect(parts[1] == name, "\(name): \(parts[1])") }
        }
    }
}
