import Foundation
import LegCareCore

/// A shipped handout catalog read as a translator wrote it, so these tests check the
/// binary's handouts against the catalog's own words, not against a copy of them.
struct ShippedCatalog {
    let tag: String
    let messages: [String: String]

    init(_ tag: String) throws {
        self.tag = tag
        let url = repositoryRoot.appendingPathComponent("Sources/LegCareReports/Catalogs/\(tag).catalog")
        var messages: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            guard let eq = line.range(of: " = ") else { continue }
            messages[String(line[..<eq.lowerBound])] = String(line[eq.upperBound...])
        }
        self.messages = messages
    }

    /// A day as the catalog's `date` message writes it ("Monday 23 November").
    func date(_ day: Day) -> String {
        messages["date"]!.replacingOccurrences(of: "{weekday}", with: messages["weekday.\(day.weekday)"]!)
            .replacingOccurrences(of: "{day}", with: String(day.parts.day))
            .replacingOccurrences(of: "{month}", with: messages["month.\(day.parts.month)"]!)
    }

    /// A message's words before its first placeholder.
    func opening(_ key: String) -> String { String(messages[key]!.prefix { $0 != "{" }) }

    /// The opening of the sentence for a due client who could not be booked (up to its
    /// first full stop, which all three reasons share).
    var notBooked: String { String(messages["booking.unbooked"]!.prefix { $0 != "." }) }
}
