import CXlsxWriter
import Foundation

// How each sheet prints: paper, margins, page headers and footers, print areas, breaks.
extension Workbook {
    /// Prints the sheet on A4 landscape, one page wide; a table repeats its header row on
    /// every page.
    package func printSetup(_ sheet: Sheet, repeatHeader: Bool, headerRow: Int = 0) throws {
        worksheet_set_landscape(sheets[sheet.index])
        worksheet_set_paper(sheets[sheet.index], 9)  // A4
        worksheet_fit_to_pages(sheets[sheet.index], 1, 0)
        // Room for the header and footer: in Excel's default margins LibreOffice counted
        // pages without them and printed blank pages at the end of long sheets.
        worksheet_set_margins(sheets[sheet.index], 0.5, 0.5, Self.verticalMargin, Self.verticalMargin)
        // Every printed page says whose it is, which sheet, and where it stands in the sheet.
        if !pageHeader.isEmpty {
            try check(worksheet_set_header(sheets[sheet.index], "&L" + Self.headerText(pageHeader)), "set the header of \(sheet.name)")
        }
        try check(
            worksheet_set_footer(sheets[sheet.index], "&L" + Self.headerText(sheet.name) + "&RPage &P of &N"),
            "set the footer of \(sheet.name)")
        if repeatHeader {
            try check(
                worksheet_repeat_rows(sheets[sheet.index], lxw_row_t(headerRow), lxw_row_t(headerRow)), "repeat the header on \(sheet.name)"
            )
        }
    }

    /// Prints only `rows` x `cols` of the sheet (text running on past the last column
    /// printed is cut there, and no longer shrinks the page to fit it), with `footer` at
    /// the foot of each page, left, and the page number, right.
    package func printArea(_ sheet: Sheet, rows: ClosedRange<Int>, cols: ClosedRange<Int>, footer: String) throws {
        let ws = sheets[sheet.index]
        try check(
            worksheet_print_area(
                ws, lxw_row_t(rows.lowerBound), lxw_col_t(cols.lowerBound), lxw_row_t(rows.upperBound), lxw_col_t(cols.upperBound)),
            "set the print area of \(sheet.name)")
        try check(
            worksheet_set_footer(ws, "&L" + Self.headerText("\(sheet.name): \(footer)") + "&RPage &P of &N"),
            "set the footer of \(sheet.name)")
    }

    /// Text for a page header or footer: `&` starts a code there, so a literal one is
    /// doubled; XML-safe; within Excel's 255 characters for the whole header.
    ///
    /// libxlsxwriter reads `&G` and `&[Picture]` anywhere in the string as an image, and
    /// without one it fails and later frees the header twice (found by the workbook fuzz
    /// target with a clinic named "... &[Picture]"): a zero-width space keeps a literal
    /// `&` from meeting `G` or `[`.
    package static func headerText(_ text: String) -> String {
        var out = ""
        let safe = xmlSafe(text)
        var rest = safe[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let next = rest.index(after: amp)
            out += next < rest.endIndex && (rest[next] == "G" || rest[next] == "[") ? "&&\u{200B}" : "&&"
            rest = rest[next...]
        }
        out += rest
        return String(out.prefix(200))
    }

    /// The top and bottom margins, in inches.
    package static let verticalMargin = 1.0

    /// Starts a printed page at each of `rows` (a chart or a block of its own not cut at a
    /// page's foot).
    package func pageBreaks(_ sheet: Sheet, before rows: [Int]) throws {
        var breaks = rows.filter { $0 > 0 }.sorted().map { lxw_row_t($0) } + [0]
        try check(worksheet_set_h_pagebreaks(sheets[sheet.index], &breaks), "set page breaks on \(sheet.name)")
    }
}
