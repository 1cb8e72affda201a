import LegCareCore
import Yams

/// The keys of `clinic.yaml` that say how the clinic's own exports are read.
extension ClinicConfigLoader {
    /// The contract columns a mapping may name, per file.
    static let mappable: [String: [String]] = [
        "clients": ClientsReader.columns,
        "sessions": SessionsReader.columns + SessionsReader.startEnd,
        "training": TrainingReader.columns,
    ]

    /// `columns:` file -> {contract column: the file's header}.
    static func columns(_ node: Node, walker r: Walker) throws -> [String: [String: InputFormat.Mapping]] {
        var out: [String: [String: InputFormat.Mapping]] = [:]
        for (fileNode, map) in try r.mapping(node, key: "columns") {
            let file = fileNode.string ?? ""
            guard let known = mappable[file] else {
                throw r.error(fileNode, "columns.\(file)", "is not an input file LegCare reads (clients, sessions, training)")
            }
            var mapped: [String: InputFormat.Mapping] = [:]
            var headers: Set<String> = []
            for (keyNode, headerNode) in try r.mapping(map, key: "columns.\(file)") {
                let key = keyNode.string ?? ""
                let path = "columns.\(file).\(key)"
                guard known.contains(key) else {
                    throw r.error(keyNode, path, "is not a column of \(file).csv; expected one of \(known.joined(separator: ", "))")
                }
                let header = try r.text(headerNode, key: path).trimmingWhitespace()
                guard !header.isEmpty else { throw r.error(headerNode, path, "is blank; give the file's own header for \(key)") }
                guard headers.insert(Header.normalize(header)).inserted else {
                    throw r.error(headerNode, path, "\"\(header)\" is mapped twice; each header to one column")
                }
                mapped[key] = .init(header: header, line: headerNode.mark?.line ?? keyNode.mark?.line ?? 0)
            }
            out[file] = mapped
        }
        return out
    }

    /// `date_format: iso | day-first | month-first`.
    static func dateOrder(_ node: Node, walker r: Walker) throws -> InputFormat.DateOrder {
        let text = try r.text(node, key: "date_format").lowercased()
        guard let order = InputFormat.DateOrder(rawValue: text) else {
            throw r.error(node, "date_format", "must be iso, day-first or month-first")
        }
        return order
    }

    /// `status_words:` status -> [the clinic's own words].
    static func statusWords(_ node: Node, walker r: Walker) throws -> [SessionStatus: [String]] {
        var out: [SessionStatus: [String]] = [:]
        for (keyNode, list) in try r.mapping(node, key: "status_words") {
            let key = keyNode.string ?? ""
            guard let status = SessionStatus(rawValue: key) else {
                throw r.error(keyNode, "status_words.\(key)", "is not a session status (completed, no_show, cancelled)")
            }
            guard case .sequence(let items) = list else {
                throw r.error(list, "status_words.\(key)", "must be a list of words such as [Arrived, Attended]")
            }
            out[status, default: []] += try items.map { try r.text($0, key: "status_words.\(key)").trimmingWhitespace() }
        }
        return out
    }

    /// `language:` a BCP 47 tag such as `en`, `es` or `pt-BR`.
    static func language(_ node: Node, walker r: Walker) throws -> String {
        let tag = try r.text(node, key: "language").trimmingWhitespace()
        guard LanguageTag.isWellFormed(tag)
        else { throw r.error(node, "language", "must be a language tag such as en, es, fr, de or pl") }
        return tag
    }
}
