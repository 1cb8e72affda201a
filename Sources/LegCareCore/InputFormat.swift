/// How a clinic's own exports are read (`columns`, `date_format` and `status_words` in
/// `clinic.yaml`): a practice system names its columns and statuses its own way, and in
/// the UK and Europe writes dates day first.
public struct InputFormat: Sendable, Equatable {
    /// The order of a date's parts in a file that does not write them `YYYY-MM-DD`.
    public enum DateOrder: String, Sendable, CaseIterable {
        case iso
        case dayFirst = "day-first"
        case monthFirst = "month-first"
    }

    /// One mapped column: the file's own header for a contract column, and the line of
    /// `clinic.yaml` that says so (for errors).
    public struct Mapping: Sendable, Equatable {
        public var header: String
        public var line: Int
        public init(header: String, line: Int) {
            self.header = header
            self.line = line
        }
    }

    /// Per file (`clients`, `sessions`, `training`): contract column -> the file's header.
    public var columns: [String: [String: Mapping]] = [:]
    /// `nil`: ISO, or the one order a file's dates fit, with a warning saying which.
    public var dateOrder: DateOrder?
    /// Extra words for each session status, added to the defaults.
    public var statusWords: [SessionStatus: [String]] = [:]
    /// The `clinic.yaml` file the settings came from, for errors about a mapping.
    public var configFile = "clinic.yaml"

    public init() {}
}
