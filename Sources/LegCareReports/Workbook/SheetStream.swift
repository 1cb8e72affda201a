import LegCareNative

/// Rows written in order to a sheet that continues on `Name (2)`, `Name (3)`... when it
/// would pass Excel's row limit; each part gets the header row, widths, a frozen header
/// and, with `filters`, filter buttons (an Excel table, or an autofilter in constant-memory mode).
final class SheetStream {
    struct Column {
        let header: String
        let width: Double
    }

    private let workbook: Workbook
    private let base: String
    private let columns: [Column]
    private let rowLimit: Int
    private let filters: Bool
    private let table: String
    private var onFinishPart: ((Workbook.Sheet, Int) throws -> Void)?
    private(set) var sheet: Workbook.Sheet
    private(set) var row = 0
    private var part = 1
    /// Data rows written over all parts.
    private(set) var count = 0

    /// A stream whose first part is `sheet` when given (a sheet added earlier, to keep the
    /// workbook's order), else a new sheet named `name` (`Name (part)` from a later `part`,
    /// for rows that go on from a sheet written another way). Tables are named `table`,
    /// `table_2`...; by default after `name`.
    init(
        workbook: Workbook, name: String, columns: [Column], rowLimit: Int = Workbook.rowLimit, sheet: Workbook.Sheet? = nil,
        part: Int = 1, filters: Bool = true, table: String? = nil, onFinishPart: ((Workbook.Sheet, Int) throws -> Void)? = nil
    ) throws {
        self.workbook = workbook
        self.base = name
        self.columns = columns
        self.rowLimit = rowLimit
        self.part = part
        self.filters = filters
        self.table = table ?? name
        self.onFinishPart = onFinishPart
        self.sheet = try sheet ?? workbook.addSheet(SheetName.make(name, part: part))
        try start()
    }

    /// The row to write the next record on (moving to a new part when this one is full).
    func nextRow() throws -> Int {
        if row + 1 >= rowLimit {
            try finishPart()
            part += 1
            sheet = try workbook.addSheet(SheetName.make(base, part: part))
            try start()
        }
        row += 1
        count += 1
        return row
    }

    /// Adds the filter buttons to the last part.
    func finish() throws { try finishPart() }

    private func start() throws {
        row = 0
        for (i, c) in columns.enumerated() { try workbook.setColumns(sheet, i, i, width: c.width) }
        try workbook.writeHeaderRow(sheet, 0, columns.map(\.header), widths: columns.map(\.width))
        workbook.freeze(sheet, rows: 1)
        try workbook.printSetup(sheet, repeatHeader: true)
    }

    private func finishPart() throws {
        if filters && workbook.constantMemory {
            try workbook.autofilter(sheet, lastRow: row, lastCol: columns.count - 1)
        } else if filters {
            try workbook.addTable(sheet, name: SheetName.table(table, part: part), headers: columns.map(\.header), lastRow: row)
        }
        try onFinishPart?(sheet, row)
    }
}
