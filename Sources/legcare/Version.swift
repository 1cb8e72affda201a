import CBuildInfo

/// LegCare's version: the one place it is written. The Makefile reads it for the package
/// (`make deb`); a release is tagged `v` + this number.
enum Version {
    static let number = "0.9.0"

    /// The commit a clone was built from, unless it was the release's tag (see CBuildInfo).
    static let commit = String(cString: legcare_commit())

    /// What `legcare --version` prints: "0.9.0", or "0.9.0 (commit 1a2b3c4)" from a clone.
    static let text = commit.isEmpty ? number : "\(number) (commit \(commit))"
}
