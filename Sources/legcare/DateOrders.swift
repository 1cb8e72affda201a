import LegCareCore
import LegCareIntake

/// The order each input writes its dates in: `date_format`, or what the file's own dates
/// show (with a warning saying so).
struct DateOrders {
    typealias Found = (order: InputFormat.DateOrder, warning: Diagnostic?)
    let clients: Found
    let sessions: Found
    let training: Found

    init(_ inputs: Inputs, format: InputFormat) throws {
        func look(_ path: String?, _ kind: String) throws -> Found {
            guard let path else { return (format.dateOrder ?? .iso, nil) }
            return try DateOrderDetector.order(ByteSource(path: path), file: Pipeline.name(path), kind: kind, format: format)
        }
        clients = try look(inputs.clients, "clients")
        sessions = try look(inputs.sessions, "sessions")
        training = try look(inputs.training, "training")
    }

    /// One line per mapped column and per file whose dates are not ISO: the reading
    /// `validate` reports (header names and settings only, never a value).
    func notes(_ inputs: Inputs, format: InputFormat) -> [String] {
        var lines: [String] = []
        for (kind, path, found) in [
            ("clients", inputs.clients, clients), ("sessions", inputs.sessions, sessions), ("training", inputs.training, training),
        ] {
            guard let path else { continue }
            let file = Pipeline.name(path)
            for (key, m) in (format.columns[kind] ?? [:]).sorted(by: { $0.value.line < $1.value.line }) {
                lines.append("\(file): column \"\(Diagnostic.safe(m.header))\" read as \(key) (columns in clinic.yaml)")
            }
            if found.order != .iso {
                let how = format.dateOrder == nil ? "as its dates show" : "date_format in clinic.yaml"
                lines.append("\(file): dates not written YYYY-MM-DD read \(found.order == .dayFirst ? "day" : "month") first (\(how))")
            }
        }
        return lines
    }
}
