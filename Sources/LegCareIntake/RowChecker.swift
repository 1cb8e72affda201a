import LegCareCore

/// Collects the errors of one row while its cells are parsed.
struct RowChecker {
    let file: String
    let row: TableReader.Row
    var errors: [Diagnostic] = []

    mutating func fail(_ key: String, _ value: String, _ message: String) {
        errors.append(
            Diagnostic(
                .error, file: file, row: row.record.row, line: row.record.line, column: row.column(key), value: value, message: message,
                clientID: row.value("client_id") ?? ""))
    }

    mutating func fail(_ column: TableReader.Column, _ value: String, _ message: String) { fail(column.key, value, message) }

    /// The parsed value of an optional cell; a bad value is recorded.
    mutating func optional<T>(_ key: TableReader.Column, _ parse: (String) -> Result<T, Expected>) -> T? {
        guard let text = row.value(key) else { return nil }
        switch parse(text) {
        case .success(let v): return v
        case .failure(let e):
            fail(key, text, e.text)
            return nil
        }
    }

    /// The parsed value of a required cell; empty or bad is recorded.
    mutating func required<T>(_ key: TableReader.Column, _ parse: (String) -> Result<T, Expected>) -> T? {
        guard row.value(key) != nil else {
            fail(key, "", "is empty; a value is required")
            return nil
        }
        return optional(key, parse)
    }

    /// The parsed items of a list cell; each bad item is recorded.
    mutating func list<T>(_ key: TableReader.Column, _ parse: (String) -> Result<T, Expected>) -> [T] {
        guard let text = row.value(key) else { return [] }
        var items: [T] = []
        for item in ValueParser.list(text) {
            switch parse(item) {
            case .success(let v): items.append(v)
            case .failure(let e): fail(key, item, e.text)
            }
        }
        return items
    }
}
