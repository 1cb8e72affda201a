import Foundation
import LegCareCore
import Testing

@testable import LegCareNative
@testable import LegCareReports

/// Sheets that continue on `Name (2)`, `Name (3)`... past Excel's row limit.
extension WorkbookTests {
    @Test(
        "Squad continues on 'Squad (2)' past the row limit, headings on each part, every athlete once in order", arguments: [false, true])
    func squadRowLimit(constantMemory: Bool) throws {
        let members = (0..<5).map { i in
            let p = client("A\(i)", "Athlete \(i)") { $0.team = "Riverside FC" }
            var m = SquadMember(order: i, plan: PlanEngine().plan(for: p, asOf: Self.asOf), profile: p)
            m.attention = Attention(level: .green, reasons: [])
            return m
        }
        let (names, parts) = try Self.book("Squad", constantMemory: constantMemory) { wb, sheet, dir in
            _ = try SquadSheet.write(
                try Squad(members, folder: dir), booking: { _ in nil }, config: ClinicConfig(), to: wb, sheet: sheet, rowLimit: 3)
        }
        #expect(names == ["Squad", "Squad (2)", "Squad (3)"])
        for part in parts { #expect(part.first?.prefix(3) == ["Team", "Client ID", "Name"], "each part starts with the headings") }
        #expect(parts.flatMap { $0.dropFirst().map { $0[1] } } == (0..<5).map { "A\($0)" }, "every athlete once, in order")
    }

    @Test("Changes continues on 'Changes (2)' past the row limit, new referrals still first, every change once", arguments: [false, true])
    func changesRowLimit(constantMemory: Bool) throws {
        // 20 clients new this week, the last two referred: they lead the list.
        let list = (0..<20).map { i in
            PlanChange(clientID: String(format: "C%02d", i), kind: .newClient, before: "", after: i >= 18 ? "refer" : "cleared")
        }
        let (names, rows) = try Self.book("Changes", constantMemory: constantMemory) { wb, sheet, _ in
            try ChangesSheet.write((list, [:]), to: wb, sheet: sheet, rowLimit: 16)
        }
        #expect(names == ["Changes", "Changes (2)", "Changes (3)"])
        for part in rows.dropFirst() {
            #expect(part.first?.prefix(3) == ["Client ID", "Name", "Change"], "each continuation starts with the headings")
            #expect(part.count <= 16)
        }
        let first = rows[0].drop { $0.first != "Client ID" }.dropFirst()
        let ids = (first + rows.dropFirst().flatMap { $0.dropFirst() }).map { $0[0] }
        #expect(ids == ["C18", "C19"] + (0..<18).map { String(format: "C%02d", $0) }, "new referrals first, then by client")
    }

    /// A workbook whose first sheet, `name`, `write` fills (given the workbook, the sheet and
    /// a scratch folder), read back with openpyxl: its sheets' names and each sheet's cells as text.
    static func book(
        _ name: String, constantMemory: Bool, write: (Workbook, Workbook.Sheet, String) throws -> Void
    ) throws -> (names: [String], sheets: [[[String]]]) {
        let dir = try temporaryFolder("row-limit")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wb = try Workbook(path: dir + "/summary.xlsx", tmpdir: dir, constantMemory: constantMemory, created: asOf, title: "t")
        try write(wb, try wb.addSheet(name), dir)
        try wb.close()
        let book = try readWithOpenpyxl(dir + "/summary.xlsx")
        let names = book["sheets"] as! [String]
        let sheets = names.map { name in
            ((book[name] as! [String: Any])["rows"] as! [[[Any]]]).map { $0.map { ($0[2] as? String) ?? "" } }
        }
        return (names, sheets)
    }
}
