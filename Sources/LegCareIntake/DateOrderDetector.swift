import LegCareCore

/// Which order a file writes its dates in, when `clinic.yaml` does not say: a first look
/// over the file's date cells before it is read.
public enum DateOrderDetector {
    /// The date columns of each input file.
    public static let dateColumns: [String: [String]] = [
        "clients": ["date_of_birth", "last_hard_session", "next_event", "last_massage"],
        "sessions": ["date", "start", "end"],
        "training": ["date"],
    ]
    /// A file whose first rows hold only ISO dates is taken as ISO after this many rows:
    /// an ISO file is not read twice (a stray other date is then an error on its row).
    static let isoRows = 1_000

    /// The order to read `kind`'s file in, and the warning that says so when it was not
    /// given and is not ISO. Throws when dates fit both orders (every day 12 or less):
    /// the message names a row and the setting to add.
    public static func order(
        _ source: ByteSource, file: String, kind: String, format: InputFormat
    ) throws -> (order: InputFormat.DateOrder, warning: Diagnostic?) {
        if let given = format.dateOrder { return (given, nil) }
        var reader = try CSVReader(source: source)
        guard let first = try reader.next() else { return (.iso, nil) }
        var ignored: [Diagnostic] = []
        let columns = dateColumns[kind] ?? []
        let header = try Header(
            record: first, file: file, known: mappableColumns(kind), required: [], aliases: [:], mapping: (kind, format),
            diagnostics: &ignored)
        let cells = columns.compactMap { key in header.index[key].map { (key: key, index: $0) } }
        guard !cells.isEmpty else { return (.iso, nil) }
        var ambiguous: (row: Int, column: String)?
        var rows = 0
        var otherSeen = false
        while let record = try reader.next() {
            rows += 1
            if !otherSeen && ambiguous == nil && rows > isoRows { break }
            for cell in cells where cell.index < record.count {
                guard let text = record.trimmedText(cell.index), Day(iso: String(text.prefix(10))) == nil,
                    let p = DateParser.parts(text)
                else { continue }
                otherSeen = true
                let dayFirst = DateParser.day(p, .dayFirst) != nil
                let monthFirst = DateParser.day(p, .monthFirst) != nil
                switch (dayFirst, monthFirst) {
                case (true, false), (false, true):
                    let order: InputFormat.DateOrder = dayFirst ? .dayFirst : .monthFirst
                    let example = dayFirst ? "23/11/2026" : "11/23/2026"
                    return (
                        order,
                        Diagnostic(
                            .warning, file: file, row: record.row, line: record.line, column: header.spelled[cell.index],
                            message:
                                "writes dates such as \(example): read \(order == .dayFirst ? "day" : "month") first throughout; "
                                + "set date_format: \(order.rawValue) in clinic.yaml to say so and silence this")
                    )
                case (true, true):
                    if ambiguous == nil { ambiguous = (record.row, header.spelled[cell.index]) }
                case (false, false): continue
                }
            }
        }
        if let ambiguous {
            throw IntakeError(
                file: file,
                reason: .config(
                    line: ambiguous.row, key: ambiguous.column,
                    problem:
                        "every date in the file could be day first or month first (row \(ambiguous.row) is one); "
                        + "add date_format: day-first (23/11/2026) or date_format: month-first (11/23/2026) to clinic.yaml"))
        }
        return (.iso, nil)
    }

    /// The columns a header of `kind` may hold.
    static func mappableColumns(_ kind: String) -> [String] { ClinicConfigLoader.mappable[kind] ?? [] }
}
