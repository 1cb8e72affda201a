import CXlsxWriter
import Foundation
import LegCareCore

/// The one Swift layer over libxlsxwriter: every `lxw_*` call, C pointer and
/// `withCString` of LegCare lives here and in its `Workbook+` files. Every `lxw_error` becomes a thrown
/// ``WorkbookError`` in plain words.
///
/// It also enforces what the C library does not (as libxlsxwriter 1.1.4 behaves):
/// text cells are cut at Excel's 32,767 UTF-16 units with a visible marker, a literal
/// `_xHHHH_` is escaped so Excel shows it as typed, and NaN or infinity is never written.
package final class Workbook {
    /// A sheet of this workbook.
    package struct Sheet: Hashable {
        let index: Int
        package let name: String
    }

    /// The cell styles the summary uses. `wrap` wraps text at the top of its cell;
    /// `wrapBottom` wraps it at the bottom, level with unwrapped cells beside it (numbers,
    /// dates and status colours, which sit at the bottom). `indent` and `wrapBottomIndent`
    /// start text one step in, for a column of text right of a column of numbers or dates
    /// (which sit right: with no gap the two read as one, `30hamstrings`).
    package enum Style: Int, CaseIterable {
        case title, header, bold, date, decimal, percent, statusCleared, statusModified, statusRefer, wrap, wrapBottom
        case indent, wrapBottomIndent
    }

    /// Chart kinds.
    package enum ChartKind { case pie, column, line }

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
    /// The printed page's header, left (the clinic and the week); empty: none.
    package var pageHeader = ""
    /// Cells cut at the cell limit: (sheet, row, column header) for a warning.
    package private(set) var cutCells: [(sheet: String, row: Int, col: Int)] = []
    let handle: UnsafeMutablePointer<lxw_workbook>
    var sheets: [UnsafeMutablePointer<lxw_worksheet>] = []
    /// One format per style, by its number: a dictionary's hashing, once per cell, was a
    /// twentieth of the workbook's time.
    var formats = [UnsafeMutablePointer<lxw_format>?](repeating: nil, count: Style.allCases.count)
    /// C strings that libxlsxwriter may keep pointers to until close.
    var retained: [UnsafeMutablePointer<CChar>] = []
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
        var value = Self.escapeLiteralEscapes(Self.xmlSafe(text))
        // UTF-16 units never outnumber UTF-8 bytes: count them only for long text.
        if value.utf8.count > Self.cellLimit && value.utf16.count > Self.cellLimit {
            value = Self.cut(value)
            cutCells.append((sheet.name, row, col))
        }
        let fmt = style.flatMap { formats[$0.rawValue] }
        try check(
            value.withCString { worksheet_write_string(sheets[sheet.index], lxw_row_t(row), lxw_col_t(col), $0, fmt) },
            "write text to \(sheet.name) row \(row + 1)")
    }

    /// Writes a number; NaN and infinity are left blank (the C library would write invalid XML).
    package func write(_ sheet: Sheet, _ row: Int, _ col: Int, number: Double, _ style: Style? = nil) throws {
        let fmt = style.flatMap { formats[$0.rawValue] }
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
            worksheet_set_column(sheets[sheet.index], lxw_col_t(first), lxw_col_t(last), width, style.flatMap { formats[$0.rawValue] }),
            "set column widths on \(sheet.name)")
    }

    /// Writes `text` across `cols` of `row` as one wrapped cell (a note as wide as the
    /// table under it, which would otherwise run past the printed edge).
    package func writeAcross(_ sheet: Sheet, _ row: Int, _ cols: ClosedRange<Int>, _ text: String) throws {
        let value = Self.escapeLiteralEscapes(Self.xmlSafe(text))  // a note: far under the cell limit
        try check(
            value.withCString {
                worksheet_merge_range(
                    sheets[sheet.index], lxw_row_t(row), lxw_col_t(cols.lowerBound), lxw_row_t(row), lxw_col_t(cols.upperBound), $0,
                    formats[Style.wrap.rawValue])
            }, "write a note to \(sheet.name) row \(row + 1)")
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
            column.header_format = formats[Style.header.rawValue]
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
        cf.format = formats[style.rawValue]
        try check(
            worksheet_conditional_format_range(
                sheets[sheet.index], lxw_row_t(rows.lowerBound), lxw_col_t(col), lxw_row_t(rows.upperBound), lxw_col_t(col), &cf),
            "colour \(sheet.name)")
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
        // libxlsxwriter prints its own "[ERROR]" lines; the thrown error says it in words.
        try check(Self.withStandardErrorSilenced { workbook_close(handle) }, "write the workbook")
    }

    /// Runs `body` with file descriptor 2 pointed at /dev/null.
    private static func withStandardErrorSilenced<T>(_ body: () -> T) -> T {
        let saved = dup(STDERR_FILENO)
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        guard saved >= 0, null >= 0 else {
            if saved >= 0 { Foundation.close(saved) }
            if null >= 0 { Foundation.close(null) }
            return body()
        }
        dup2(null, STDERR_FILENO)
        Foundation.close(null)
        defer {
            dup2(saved, STDERR_FILENO)
            Foundation.close(saved)
        }
        return body()
    }

    // MARK: - Private

    private func makeFormats() {
        func add(_ style: Style, _ configure: (UnsafeMutablePointer<lxw_format>) -> Void) {
            guard let f = workbook_add_format(handle) else { return }
            configure(f)
            formats[style.rawValue] = f
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

    /// A C copy of `s`, made safe for XML, kept until the workbook is freed.
    func keep(_ s: String) -> UnsafeMutablePointer<CChar> {
        let p = strdup(Self.xmlSafe(s))!
        retained.append(p)
        return p
    }

    /// `operation` is built only on failure, not for every cell written.
    func check(_ error: lxw_error, _ operation: @autoclosure () -> String) throws {
        guard error == LXW_NO_ERROR else {
            throw WorkbookError(operation: operation(), code: Int32(error.rawValue), text: WorkbookError.words(for: error))
        }
    }
}

/// A libxlsxwriter call failed, said in plain words with what to do.
public struct WorkbookError: Error, Equatable, CustomStringConvertible {
    public let operation: String
    public let code: Int32?
    public var text: String = "the spreadsheet library could not make it; the machine may be short of memory"

    public var description: String { "summary.xlsx: error: could not \(operation): \(text)" }

    /// What failed and what to do, for each kind of libxlsxwriter failure; never the library's own code.
    static func words(for error: lxw_error) -> String {
        switch error {
        case LXW_ERROR_MEMORY_MALLOC_FAILED:
            return "the machine ran out of memory; close other programs or run on a machine with more, then run again"
        case LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE, LXW_ERROR_ZIP_FILE_OPERATION,
            LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE, LXW_ERROR_ZIP_INTERNAL_ERROR:
            return "a file could not be written; check that the output folder is writable and the disk has room, then run again"
        case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
            return "the sheet would pass Excel's limit of 1,048,576 rows; this is a fault in LegCare, please report it"
        default:
            return "the spreadsheet library refused it; this is a fault in LegCare, please report it"
        }
    }
}
