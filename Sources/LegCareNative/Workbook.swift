import CXlsxWriter
import Foundation
import LegCareCore

/// The one Swift layer over libxlsxwriter: every `lxw_*` call, C pointer and
/// `withCString` of LegCare lives in this file. Every `lxw_error` becomes a thrown
/// ``WorkbookError`` carrying libxlsxwriter's own text.
///
/// It also enforces what the C library does not (measured on libxlsxwriter 1.1.4):
/// text cells are cut at Excel's 32,767 UTF-16 units with a visible marker, a literal
/// `_xHHHH_` is escaped so Excel shows it as typed, and NaN or infinity is never written.
package final class Workbook {
    /// A sheet of this workbook.
    package struct Sheet: Hashable {
        fileprivate let index: Int
        package let name: String
    }

    /// The cell styles the summary uses. `wrap` wraps text at the top of its cell;
    /// `wrapBottom` wraps it at the bottom, level with unwrapped cells beside it (numbers,
    /// dates and status colours, which sit at the bottom). `indent` and `wrapBottomIndent`
    /// start text one step in, for a column of text right of a column of numbers or dates
    /// (which sit right: with no gap the two read as one, `30hamstrings`).
    package enum Style: Hashable {
        case title, header, bold, date, decimal, percent, statusCleared, statusModified, statusRefer, wrap, wrapBottom
        case indent, wrapBottomIndent
    }

    /// Chart kinds.
    package enum ChartKind { case pie, column, stackedColumn, line }

    /// One series of a chart: categories and values are columns of `source`, rows inclusive.
    package struct Series {
        package var name: String
        package var source: Sheet
        package var categoriesCol: Int
        package var valuesCol: Int
        package var rows: ClosedRange<Int>
        /// RGB, e.g. 0xC00000; `nil` for the chart's own colours.
        package var color: UInt32? = nil
        /// Line charts: markers only, no line (values that are not a series over time).
        package var markersOnly = false
        /// Line charts: a dashed line with no markers (a threshold).
        package var dashed = false
        /// One colour per point (a pie's slices), RGB.
        package var pointColors: [UInt32] = []

        package init(
            name: String, source: Sheet, categoriesCol: Int, valuesCol: Int, rows: ClosedRange<Int>, color: UInt32? = nil,
            markersOnly: Bool = false, dashed: Bool = false, pointColors: [UInt32] = []
        ) {
            self.name = name
            self.source = source
            self.categoriesCol = categoriesCol
            self.valuesCol = valuesCol
            self.rows = rows
            self.color = color
            self.markersOnly = markersOnly
            self.dashed = dashed
            self.pointColors = pointColors
        }
    }

    /// Excel's limit on characters (UTF-16 units) in one cell.
    package static let cellLimit = 32_767
    /// Excel's limit on rows in one sheet.
    package static let rowLimit = 1_048_576

    package let constantMemory: Bool
    /// Cells cut at the cell limit: (sheet, row, column header) for a warning.
    package private(set) var cutCells: [(sheet: String, row: Int, col: Int)] = []
    private let handle: UnsafeMutablePointer<lxw_workbook>
    private var sheets: [UnsafeMutablePointer<lxw_worksheet>] = []
    private var formats: [Style: UnsafeMutablePointer<lxw_format>] = [:]
    /// C strings that libxlsxwriter may keep pointers to until close.
    private var retained: [UnsafeMutablePointer<CChar>] = []
    private var closed = false

    /// Opens a new workbook at `path`; temporary files go to `tmpdir`, and the document's
    /// creation date is `created` (midnight UTC) so the same inputs give the same bytes.
    package init(path: String, tmpdir: String, constantMemory: Bool, created: Day, title: String) throws {
        self.constantMemory = constantMemory
        let tmp = strdup(tmpdir)!
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.tmpdir = tmp
        guard let wb = path.withCString({ workbook_new_opt($0, &options) }) else {
            free(tmp)
            throw WorkbookError(operation: "create \(path)", code: nil)
        }
        handle = wb
        retained.append(tmp)
        var props = lxw_doc_properties()
        props.title = keep(title)
        props.comments = keep("Written by LegCare")
        props.created = time_t(created.serial * 86_400)
        try check(workbook_set_properties(handle, &props), "set document properties")
        makeFormats()
    }

    deinit {
        if !closed { _ = workbook_close(handle) }
        for p in retained { free(p) }
    }

    /// Adds a sheet; the name must be legal (checked by ``SheetName``).
    package func addSheet(_ name: String) throws -> Sheet {
        guard let ws = name.withCString({ workbook_add_worksheet(handle, $0) }) else {
            throw WorkbookError(operation: "add sheet \(name)", code: nil)
        }
        sheets.append(ws)
        return Sheet(index: sheets.count - 1, name: name)
    }

    /// Writes text as text (never as a formula), within Excel's limits.
    package func write(_ sheet: Sheet, _ row: Int, _ col: Int, _ text: String, _ style: Style? = nil) throws {
        var value = Self.escapeLiteralEscapes(text)
        // UTF-16 units never outnumber UTF-8 bytes: count them only for long text.
        if value.utf8.count > Self.cellLimit && value.utf16.count > Self.cellLimit {
            value = Self.cut(value)
            cutCells.append((sheet.name, row, col))
        }
        let fmt = style.flatMap { formats[$0] }
        try check(
            value.withCString { worksheet_write_string(sheets[sheet.index], lxw_row_t(row), lxw_col_t(col), $0, fmt) },
            "write text to \(sheet.name) row \(row + 1)")
    }

    /// Writes a number; NaN and infinity are left blank (the C library would write invalid XML).
    package func write(_ sheet: Sheet, _ row: Int, _ col: Int, number: Double, _ style: Style? = nil) throws {
        let fmt = style.flatMap { formats[$0] }
        if !number.isFinite {
            try check(worksheet_write_blank(sheets[sheet.index], lxw_row_t(row), lxw_col_t(col), fmt), "write blank to \(sheet.name)")
            return
        }
        try check(
            worksheet_write_number(sheets[sheet.index], lxw_row_t(row), lxw_col_t(col), number, fmt),
            "write number to \(sheet.name) row \(row + 1)")
    }

    /// Writes a real date cell (an Excel serial number with a date format).
    package func write(_ sheet: Sheet, _ row: Int, _ col: Int, date: Day) throws {
        try write(sheet, row, col, number: Double(date.serial + 25_569), .date)
    }

    /// Sets the width (in characters) of columns, optionally with a style.
    package func setColumns(_ sheet: Sheet, _ first: Int, _ last: Int, width: Double, _ style: Style? = nil) throws {
        try check(
            worksheet_set_column(sheets[sheet.index], lxw_col_t(first), lxw_col_t(last), width, style.flatMap { formats[$0] }),
            "set column widths on \(sheet.name)")
    }

    /// Prints the sheet on A4 landscape, one page wide; a table repeats its header row on
    /// every page.
    package func printSetup(_ sheet: Sheet, repeatHeader: Bool, headerRow: Int = 0) throws {
        worksheet_set_landscape(sheets[sheet.index])
        worksheet_set_paper(sheets[sheet.index], 9)  // A4
        worksheet_fit_to_pages(sheets[sheet.index], 1, 0)
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
        // `&` starts a code in a footer: a literal one is doubled.
        let text = footer.replacingOccurrences(of: "&", with: "&&")
        try check(worksheet_set_footer(ws, "&L\(text)&RPage &P of &N"), "set the footer of \(sheet.name)")
    }

    /// Sets a row's height in points (a header of wrapped titles needs two lines).
    package func setRowHeight(_ sheet: Sheet, _ row: Int, _ height: Double) throws {
        try check(worksheet_set_row(sheets[sheet.index], lxw_row_t(row), height, nil), "set a row height on \(sheet.name)")
    }

    /// Keeps the first `rows` rows in view while scrolling.
    package func freeze(_ sheet: Sheet, rows: Int) {
        worksheet_freeze_panes(sheets[sheet.index], lxw_row_t(rows), 0)
    }

    /// Makes an Excel table (filter buttons, banded rows) over rows `0...lastRow`;
    /// headers are written by the table. Not available in constant-memory mode.
    package func addTable(_ sheet: Sheet, name: String, headers: [String], lastRow: Int) throws {
        let columns = UnsafeMutablePointer<lxw_table_column>.allocate(capacity: headers.count)
        let list = UnsafeMutablePointer<UnsafeMutablePointer<lxw_table_column>?>.allocate(capacity: headers.count + 1)
        defer {
            columns.deallocate()
            list.deallocate()
        }
        for (i, h) in headers.enumerated() {
            var column = lxw_table_column()
            column.header = keep(h)
            column.header_format = formats[.header]
            (columns + i).initialize(to: column)
            list[i] = columns + i
        }
        list[headers.count] = nil
        var options = lxw_table_options()
        options.name = keep(name)
        options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_MEDIUM.rawValue)
        options.style_type_number = 2
        options.columns = list
        try check(
            worksheet_add_table(sheets[sheet.index], 0, 0, lxw_row_t(max(lastRow, 1)), lxw_col_t(headers.count - 1), &options),
            "add table \(name)")
    }

    /// Filter buttons on the header row (used where tables are not available).
    package func autofilter(_ sheet: Sheet, lastRow: Int, lastCol: Int) throws {
        try check(
            worksheet_autofilter(sheets[sheet.index], 0, 0, lxw_row_t(max(lastRow, 1)), lxw_col_t(lastCol)), "add filter to \(sheet.name)")
    }

    /// Colours cells in a column whose value equals `text`.
    package func highlight(_ sheet: Sheet, col: Int, rows: ClosedRange<Int>, equals text: String, _ style: Style) throws {
        var cf = lxw_conditional_format()
        cf.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
        cf.value_string = keep("\"\(text)\"")
        cf.format = formats[style]
        try check(
            worksheet_conditional_format_range(
                sheets[sheet.index], lxw_row_t(rows.lowerBound), lxw_col_t(col), lxw_row_t(rows.upperBound), lxw_col_t(col), &cf),
            "colour \(sheet.name)")
    }

    /// A chart of one series: categories and values are ranges of `source`, rows inclusive.
    package func addChart(
        _ kind: ChartKind, title: String, on sheet: Sheet, at row: Int, _ col: Int, source: Sheet, categoriesCol: Int, valuesCol: Int,
        rows: ClosedRange<Int>
    ) throws {
        try addChart(
            kind, title: title, on: sheet, at: row, col,
            series: [Series(name: title, source: source, categoriesCol: categoriesCol, valuesCol: valuesCol, rows: rows)],
            legend: false)
    }

    /// A chart of several series, placed with its top-left corner at `row`, `col`.
    package func addChart(
        _ kind: ChartKind, title: String, on sheet: Sheet, at row: Int, _ col: Int, series: [Series], legend: Bool = true,
        yAxis: String? = nil, width: Int = 480
    ) throws {
        let type: lxw_chart_type =
            switch kind {
            case .pie: LXW_CHART_PIE
            case .column: LXW_CHART_COLUMN
            case .stackedColumn: LXW_CHART_COLUMN_STACKED
            case .line: LXW_CHART_LINE
            }
        guard let chart = workbook_add_chart(handle, UInt8(type.rawValue)) else {
            throw WorkbookError(operation: "add chart \(title)", code: nil)
        }
        for s in series {
            let ref = { (c: Int) in
                "='\(s.source.name)'!$\(Self.column(c))$\(s.rows.lowerBound + 1):$\(Self.column(c))$\(s.rows.upperBound + 1)"
            }
            guard
                let added = ref(s.categoriesCol).withCString({ cats in ref(s.valuesCol).withCString { chart_add_series(chart, cats, $0) } })
            else { throw WorkbookError(operation: "add series to \(title)", code: nil) }
            chart_series_set_name(added, keep(s.name))
            if let color = s.color {
                var fill = lxw_chart_fill()
                fill.color = color
                chart_series_set_fill(added, &fill)
            }
            if !s.pointColors.isEmpty {
                let fills = UnsafeMutablePointer<lxw_chart_fill>.allocate(capacity: s.pointColors.count)
                let points = UnsafeMutablePointer<lxw_chart_point>.allocate(capacity: s.pointColors.count)
                let list = UnsafeMutablePointer<UnsafeMutablePointer<lxw_chart_point>?>.allocate(capacity: s.pointColors.count + 1)
                defer {
                    fills.deallocate()
                    points.deallocate()
                    list.deallocate()
                }
                for (i, color) in s.pointColors.enumerated() {
                    var fill = lxw_chart_fill()
                    fill.color = color
                    (fills + i).initialize(to: fill)
                    var point = lxw_chart_point()
                    point.fill = fills + i
                    (points + i).initialize(to: point)
                    list[i] = points + i
                }
                list[s.pointColors.count] = nil
                try check(chart_series_set_points(added, list), "colour the points of \(title)")
            }
            if kind == .line {
                var line = lxw_chart_line()
                line.color = s.color ?? 0x4472C4
                line.width = 2.25
                line.none = s.markersOnly ? 1 : 0
                if s.dashed { line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue) }
                chart_series_set_line(added, &line)
                chart_series_set_marker_type(
                    added, UInt8(s.markersOnly ? LXW_CHART_MARKER_CIRCLE.rawValue : LXW_CHART_MARKER_NONE.rawValue))
                if s.markersOnly, let color = s.color {
                    var fill = lxw_chart_fill()
                    fill.color = color
                    chart_series_set_marker_fill(added, &fill)
                    var border = lxw_chart_line()
                    border.color = color
                    chart_series_set_marker_line(added, &border)
                }
            }
        }
        title.withCString { chart_title_set_name(chart, $0) }
        if let yAxis { yAxis.withCString { chart_axis_set_name(chart.pointee.y_axis, $0) } }
        // Bars compare by height only from zero: left to itself, LibreOffice began the axis
        // of the Overview's sessions due (9, 8 and 8) at 7.4, so 9 drew ten times as tall as 8.
        if kind == .column || kind == .stackedColumn { chart_axis_set_min(chart.pointee.y_axis, 0) }
        if !legend { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
        if legend && kind != .pie { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)) }
        var options = lxw_chart_options()
        options.x_scale = Double(width) / 480
        try check(worksheet_insert_chart_opt(sheets[sheet.index], lxw_row_t(row), lxw_col_t(col), chart, &options), "insert chart \(title)")
    }

    /// Colours a block of numbers on a 3-colour scale: low red, middle amber, high green.
    package func colorScale(_ sheet: Sheet, rows: ClosedRange<Int>, cols: ClosedRange<Int>) throws {
        var cf = lxw_conditional_format()
        cf.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
        cf.min_color = 0xF8696B
        cf.mid_color = 0xFFEB84
        cf.max_color = 0x63BE7B
        try check(
            worksheet_conditional_format_range(
                sheets[sheet.index], lxw_row_t(rows.lowerBound), lxw_col_t(cols.lowerBound), lxw_row_t(rows.upperBound),
                lxw_col_t(cols.upperBound), &cf), "colour scale on \(sheet.name)")
    }

    /// Writes the file. libxlsxwriter reports write errors only here.
    package func close() throws {
        closed = true
        try check(workbook_close(handle), "write the workbook")
    }

    // MARK: - Limits and escapes the C library leaves to us

    /// A literal `_xHHHH_` would be read by Excel as an escaped character: escape its `_`.
    package static func escapeLiteralEscapes(_ s: String) -> String {
        // A byte scan of the string's own storage first: nearly all text has no "_x".
        var s = s
        let plain = s.withUTF8 { b in
            guard let base = b.baseAddress else { return true }
            var i = 0
            // memchr finds each "_" (rare) without a loop over every byte here.
            while i < b.count - 1, let hit = memchr(base + i, 0x5F, b.count - 1 - i) {
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if b[i + 1] == 0x78 { return false }
                i += 1
            }
            return true
        }
        if plain { return s }
        var out = ""
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            if chars[i] == "_", i + 6 < chars.count, chars[i + 1] == "x", chars[i + 6] == "_",
                chars[(i + 2)...(i + 5)].allSatisfy(\.isHexDigit)
            {
                out += "_x005F_"
                i += 1
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// Cuts text to fit one cell, counting UTF-16 units as Excel does, with a marker.
    package static func cut(_ s: String) -> String {
        let marker = " [... cut at Excel's cell limit; full text in plans.jsonl]"
        let budget = cellLimit - marker.utf16.count
        var out = ""
        var used = 0
        for ch in s {
            let n = ch.utf16.count
            if used + n > budget { break }
            out.append(ch)
            used += n
        }
        return out + marker
    }

    /// Column letters for a zero-based index (0 -> A, 26 -> AA).
    package static func column(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    // MARK: - Private

    private func makeFormats() {
        func add(_ style: Style, _ configure: (UnsafeMutablePointer<lxw_format>) -> Void) {
            guard let f = workbook_add_format(handle) else { return }
            configure(f)
            formats[style] = f
        }
        add(.title) {
            format_set_bold($0)
            format_set_font_size($0, 16)
        }
        add(.header) {
            format_set_bold($0)
            format_set_bg_color($0, 0xDDEBF7)
            format_set_text_wrap($0)
            format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        add(.bold) { format_set_bold($0) }
        add(.wrap) {
            format_set_text_wrap($0)
            format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        add(.wrapBottom) { format_set_text_wrap($0) }
        add(.indent) { format_set_indent($0, 1) }
        add(.wrapBottomIndent) {
            format_set_text_wrap($0)
            format_set_indent($0, 1)
        }
        add(.date) { f in "yyyy-mm-dd".withCString { format_set_num_format(f, $0) } }
        add(.decimal) { f in "0.00".withCString { format_set_num_format(f, $0) } }
        add(.percent) { f in "0%".withCString { format_set_num_format(f, $0) } }
        add(.statusCleared) {
            format_set_bg_color($0, 0xC6EFCE)
            format_set_font_color($0, 0x006100)
        }
        add(.statusModified) {
            format_set_bg_color($0, 0xFFEB9C)
            format_set_font_color($0, 0x9C5700)
        }
        add(.statusRefer) {
            format_set_bg_color($0, 0xFFC7CE)
            format_set_font_color($0, 0x9C0006)
        }
    }

    private func keep(_ s: String) -> UnsafeMutablePointer<CChar> {
        let p = strdup(s)!
        retained.append(p)
        return p
    }

    /// `operation` is built only on failure: as a plain argument, its text was made for every
    /// cell written (measured with perf: string building was a visible share of the
    /// workbook's thread).
    private func check(_ error: lxw_error, _ operation: @autoclosure () -> String) throws {
        guard error == LXW_NO_ERROR else {
            throw WorkbookError(operation: operation(), code: Int32(error.rawValue), text: String(cString: lxw_strerror(error)))
        }
    }
}

/// A libxlsxwriter call failed; the text is the library's own.
public struct WorkbookError: Error, Equatable, CustomStringConvertible {
    public let operation: String
    public let code: Int32?
    public var text: String = "libxlsxwriter returned no object"

    public var description: String {
        "summary.xlsx: error: could not \(operation): \(text)\(code.map { " (lxw_error \($0))" } ?? "")"
    }
}
