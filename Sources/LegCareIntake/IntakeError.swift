import LegCareCore

/// A problem that stops a run before anything is written (exit status 2): an input
/// that cannot be read, a required column that is missing, a malformed configuration.
public struct IntakeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        case unreadable
        /// Missing, not a regular file, or unreadable: the sentence says which.
        case notReadable(String)
        case empty
        case missingColumns(missing: [String], found: [String])
        case config(line: Int, key: String, problem: String)
    }

    /// The file concerned, as named on the command line.
    public let file: String
    public let reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .unreadable:
            return "\(file): error: cannot open or read the file"
        case .notReadable(let sentence):
            return "\(file): error: \(sentence)"
        case .empty:
            return "\(file): error: the file is empty; expected a header row"
        case .missingColumns(let missing, let found):
            let what = "\(file):1: error: missing required column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))"
            guard !found.isEmpty else {
                return what
                    + "; the first row names no LegCare column, so it looks like data, not a header: add a header row naming the columns (see docs/data-contract.md)"
            }
            return what + "; found: " + found.map { Diagnostic.safe($0) }.joined(separator: ", ")
        case .config(let line, let key, let problem):
            return "\(file):\(line): error: \(key.isEmpty ? "" : "\(key): ")\(problem)"
        }
    }
}
