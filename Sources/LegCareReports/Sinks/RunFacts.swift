import LegCareCore

/// The run's facts for the overview: rows read, accepted and rejected per file.
public struct RunFacts: Sendable {
    public struct FileCount: Sendable {
        public var file: String
        public var read: Int
        public var accepted: Int
        public var rejected: Int
        public init(file: String, read: Int, accepted: Int, rejected: Int) {
            self.file = file
            self.read = read
            self.accepted = accepted
            self.rejected = rejected
        }
    }
    public var files: [FileCount]
    public init(files: [FileCount]) { self.files = files }
}
