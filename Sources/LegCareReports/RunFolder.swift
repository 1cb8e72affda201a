import Foundation

/// The week's run folder, assembled beside its final place and renamed into it whole.
///
/// Files are created 0600 and folders 0700 (health data). Until ``publish()`` the work
/// sits in a hidden `.<week>.partial-<pid>` folder next to the final one, so an interrupted
/// run leaves no half-written week, and a previous run of the same week stays intact
/// until the new one is complete.
///
/// ```swift
/// let folder = try RunFolder(out: "Reports", week: "2026-W48")
/// try folder.write("plans.jsonl", text)
/// let final = try folder.publish()   // Reports/2026-W48
/// ```
public final class RunFolder {
    /// Where the finished run will be.
    public let finalPath: String
    /// Where it is being assembled.
    public let stagingPath: String
    private var published = false

    /// Creates the output folder if needed and a fresh staging folder in it.
    public init(out: String, week: String) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: out) {
            try Self.makeFolder(out, intermediate: true)
        }
        finalPath = out + "/" + week
        stagingPath = out + "/.\(week).partial-\(getpid())"
        if fm.fileExists(atPath: stagingPath) { try fm.removeItem(atPath: stagingPath) }
        try Self.makeFolder(stagingPath, intermediate: false)
    }

    deinit {
        if !published { try? FileManager.default.removeItem(atPath: stagingPath) }
    }

    /// Creates a sub-folder (0700) inside the staging folder and returns its path.
    public func folder(_ name: String) throws -> String {
        let path = stagingPath + "/" + name
        try Self.makeFolder(path, intermediate: false)
        return path
    }

    /// The path of a file inside the staging folder.
    public func path(_ name: String) -> String { stagingPath + "/" + name }

    /// Writes a whole file (0600).
    public func write(_ name: String, _ text: String) throws {
        let handle = try create(name)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// Creates a new file (0600, never an existing one) and returns a handle to stream into.
    public func create(_ name: String) throws -> FileHandle {
        let path = self.path(name)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RunFolderError(path: path, operation: "create", code: errno) }
        _ = fchmod(fd, 0o600)
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Sets a file written by other code (the workbook) to 0600.
    public func protect(_ name: String) throws {
        guard chmod(path(name), 0o600) == 0 else { throw RunFolderError(path: path(name), operation: "chmod", code: errno) }
    }

    /// Moves the staging folder into its final place, replacing a previous run of the week.
    @discardableResult
    public func publish() throws -> String {
        let fm = FileManager.default
        var previous: String?
        if fm.fileExists(atPath: finalPath) {
            let aside = stagingPath.replacingOccurrences(of: ".partial-", with: ".previous-")
            if fm.fileExists(atPath: aside) { try fm.removeItem(atPath: aside) }
            guard rename(finalPath, aside) == 0 else { throw RunFolderError(path: finalPath, operation: "move aside", code: errno) }
            previous = aside
        }
        guard rename(stagingPath, finalPath) == 0 else {
            let code = errno
            if let previous { _ = rename(previous, finalPath) }
            throw RunFolderError(path: finalPath, operation: "publish", code: code)
        }
        published = true
        if let previous { try? fm.removeItem(atPath: previous) }
        return finalPath
    }

    private static func makeFolder(_ path: String, intermediate: Bool) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: intermediate, attributes: [.posixPermissions: 0o700])
        } catch {
            throw RunFolderError(
                path: path, operation: "create folder", code: (error as NSError).code == 0 ? EACCES : Int32((error as NSError).code))
        }
        guard chmod(path, 0o700) == 0 else { throw RunFolderError(path: path, operation: "chmod", code: errno) }
    }
}

/// A file-system operation on the run folder failed (the environment is broken: exit 2).
public struct RunFolderError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let operation: String
    public let code: Int32

    public var description: String {
        "\(path): error: could not \(operation): \(String(cString: strerror(code)))"
    }
}
