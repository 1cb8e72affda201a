import LegCareCore

/// What a cell should have held: the end of a diagnostic's sentence.
struct Expected: Error, Equatable {
    let text: String
    init(_ text: String) { self.text = text }
}

/// Parses one cell; on failure returns what was expected, for the diagnostic.
enum ValueParser {
    /// A whole number within a range.
    static func integer(_ text: String, _ range: ClosedRange<Int>) -> Result<Int, Expected> {
        guard let n = Int(text), range.contains(n) else {
            return .failure(Expected("is not a whole number from \(range.lowerBound) to \(range.upperBound)"))
        }
        return .success(n)
    }

    /// A whole number from a fixed set.
    static func integer(_ text: String, oneOf allowed: [Int]) -> Result<Int, Expected> {
        guard let n = Int(text), allowed.contains(n) else {
            return .failure(Expected("is not one of \(allowed.map(String.init).joined(separator: ", "))"))
        }
        return .success(n)
    }

    /// An ISO date, `YYYY-MM-DD`.
    static func day(_ text: String) -> Result<Day, Expected> {
        Day(iso: text).map { .success($0) } ?? .failure(Expected("is not a date in the form YYYY-MM-DD"))
    }

    /// A date or date-time: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM`.
    static func moment(_ text: String) -> Result<Moment, Expected> {
        let expected = "is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)"
        let chars = Array(text)
        if chars.count == 10 { return Day(iso: text).map { .success(Moment(day: $0)) } ?? .failure(Expected(expected)) }
        guard chars.count == 16, chars[10] == "T" || chars[10] == " ", chars[13] == ":",
            let day = Day(iso: String(chars[0..<10])),
            let h = Int(String(chars[11..<13])), let m = Int(String(chars[14..<16])),
            (0...23).contains(h), (0...59).contains(m)
        else { return .failure(Expected(expected)) }
        return .success(Moment(day: day, minuteOfDay: h * 60 + m))
    }

    /// One token of a closed vocabulary, case-insensitive.
    static func token<T: RawRepresentable & CaseIterable>(
        _ text: String, _ type: T.Type, aliases: [String: T] = [:]
    ) -> Result<T, Expected> where T.RawValue == String {
        let key = Header.normalize(text)
        if let v = T(rawValue: key) ?? aliases[key] { return .success(v) }
        return .failure(Expected("is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))"))
    }

    /// A list: items separated by `;`, `|` or `,` (the latter two only appear in quoted cells).
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," })
            .map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }
}
