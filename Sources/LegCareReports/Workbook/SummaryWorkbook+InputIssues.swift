import LegCareCore

/// The `Input issues` sheet: every rejected row and warning, as in input-issues.csv.
extension SummaryWorkbook {
    static let issuesColumns: [SheetStream.Column] = [
        .init(header: "File", width: 14), .init(header: "Row", width: 7), .init(header: "Line", width: 7),
        .init(header: "Client ID", width: 12), .init(header: "Column", width: 16), .init(header: "Value", width: 24),
        .init(header: "Severity", width: 9),
        .init(header: "Message", width: 70),
    ]
    static let issuesWidths = issuesColumns.map(\.width)

    func writeIssues(_ diagnostics: [Diagnostic]) throws {
        for d in diagnostics {
            let r = try issues.nextRow()
            let sh = issues.sheet
            try workbook.write(sh, r, 0, d.file, .wrapBottom)
            try workbook.write(sh, r, 1, number: Double(d.row))
            try workbook.write(sh, r, 2, number: Double(d.line))
            try workbook.writeWrapped(
                sh, r, [(3, d.clientID), (4, d.column), (5, d.value), (6, d.severity.rawValue), (7, d.message)],
                widths: Self.issuesWidths, indented: [3])
        }
    }
}
