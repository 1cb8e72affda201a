import Foundation

/// A new empty folder under the system's temporary folder, named `<prefix>-<pid>-<random>`
/// so tests running side by side never share one; the caller removes it.
func temporaryFolder(_ prefix: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        .path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
