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
        guard let text = row.value(key) else {
            fail(key, "", "is empty; a value is required")
            return nil
        }
        switch parse(text) {
        case .success(let v): return v
        case .failure(let e):
            fail(key, text, e.text)
            return nil
        }
    }

    /// What the bytes of an ASCII cell gave.
    private enum Quick<T> {
        case empty
        case value(T)
        case slow
    }

    /// ``optional(_:_:)`` with `fast` tried first on the bytes of an ASCII cell (nearly
    /// every cell), with no String made (one per cell was a sixth of validating a row). When `fast` gives `nil`, the text path decides and words the
    /// diagnostic, so `fast` only has to agree with `parse` on the values it accepts.
    mutating func optional<T>(
        _ key: TableReader.Column, ascii fast: (UnsafeBufferPointer<UInt8>, Range<Int>) -> T?,
        _ parse: (String) -> Result<T, Expected>
    ) -> T? {
        guard let i = key.index, i < row.record.count else { return nil }
        let quick =
            row.record.withTrimmedASCII(i) { b, r -> Quick<T> in
                r.isEmpty ? .empty : fast(b, r).map(Quick.value) ?? .slow
            } ?? .slow
        switch quick {
        case .empty: return nil
        case .value(let v): return v
        case .slow: return optional(key, parse)
        }
    }

    /// ``required(_:_:)`` with `fast` tried first on the bytes of an ASCII cell, as in
    /// ``optional(_:ascii:_:)``.
    mutating func required<T>(
        _ key: TableReader.Column, ascii fast: (UnsafeBufferPointer<UInt8>, Range<Int>) -> T?,
        _ parse: (String) -> Result<T, Expected>
    ) -> T? {
        if let i = key.index, i < row.record.count,
            let v = row.record.withTrimmedASCII(i, { b, r in r.isEmpty ? nil : fast(b, r) }) ?? nil
        {
            return v
        }
        return required(key, parse)
    }

    /// ``list(_:_:)`` for a closed vocabulary, looked up on the bytes of an ASCII cell;
    /// a cell with any item the table does not know goes through the text path.
    mutating func list<T>(_ key: TableReader.Column, table: TokenTable<T>, _ parse: (String) -> Result<T, Expected>) -> [T] {
        guard let i = key.index, i < row.record.count else { return [] }
        let quick = row.record.withTrimmedASCII(i) { b, r -> [T]? in
            var items: [T] = []
            var start = r.lowerBound
            for j in r.lowerBound...r.upperBound where j == r.upperBound || b[j] == 0x3B || b[j] == 0x7C || b[j] == 0x2C {
                let item = ASCII.trimmed(b, start..<j)
                if !item.isEmpty {
                    guard let v = table.lookup(b, item) else { return nil }
                    items.append(v)
                }
                start = j + 1
            }
            return items
        }
        if let quick = quick ?? nil { return quick }
        return list(key, parse)
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
