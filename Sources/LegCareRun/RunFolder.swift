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

    /// How many unfinished folders of earlier, interrupted runs this run removed.
    public private(set) var staleRemoved = 0
    private var lock: Int32
    /// Whether `open(..., 0600)` alone gives 0600: the process umask keeps the owner's
    /// read and write bits (LegCare sets 077). Then the `fchmod` per file, a system call
    /// for each of 100,000 handouts, is left out.
    private let umaskKeepsOwner: Bool = {
        let mask = umask(0o077)
        umask(mask)
        return mask & 0o600 == 0
    }()

    /// Creates the output folder if needed, takes its lock, clears what interrupted runs
    /// left behind, and makes a fresh staging folder.
    ///
    /// The lock is `flock` on the output folder itself, held for the life of this object:
    /// the system releases it when a run ends however it ends, and it leaves no file
    /// behind. While one run holds it, a second run into the same folder stops (throws)
    /// rather than publish over it; and whatever staging folder the holder finds is stale.
    public init(out: String, week: String) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: out) {
            try Self.makeFolder(out, intermediate: true)
        }
        finalPath = out + "/" + week
        stagingPath = out + "/.\(week).partial-\(getpid())"
        let fd = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw RunFolderError(path: out, operation: "open", code: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw RunFolderError(
                path: out, operation: "start", code: EWOULDBLOCK,
                note: "another legcare run is writing into this folder now; wait for it to finish, then run again")
        }
        lock = fd
        staleRemoved = Self.removeStale(out: out)
        try Self.makeFolder(stagingPath, intermediate: false)
    }

    /// Removes the staging folders (`.<week>.partial-<pid>`) that interrupted runs left,
    /// and settles a `.<week>.previous-<pid>` a run died holding: put back when its week is
    /// missing, removed otherwise. Call only while holding the folder's lock. Returns how
    /// many folders it removed.
    package static func removeStale(out: String) -> Int {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: out) else { return 0 }
        var removed = 0
        for name in names.sorted() where name.hasPrefix(".") {
            let path = out + "/" + name
            if let aside = name.range(of: ".previous-") {
                let week = out + "/" + name[name.index(after: name.startIndex)..<aside.lowerBound]
                if !fm.fileExists(atPath: week), rename(path, week) == 0 { continue }
            } else if !name.contains(".partial-") {
                continue
            }
            if (try? fm.removeItem(atPath: path)) != nil { removed += 1 }
        }
        return removed
    }

    deinit {
        if !published { try? FileManager.default.removeItem(atPath: stagingPath) }
        unlock()
    }

    /// Lets another run into the output folder.
    private func unlock() {
        if lock >= 0 { close(lock) }
        lock = -1
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
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes a whole file (0600) with plain system calls: a handout is one `open`, one
    /// `write` and one `close`, with no FileHandle or Data in between.
    public func write(_ name: String, bytes: [UInt8]) throws {
        let path = self.path(name)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RunFolderError(path: path, operation: "create", code: errno) }
        defer { close(fd) }
        if !umaskKeepsOwner { _ = fchmod(fd, 0o600) }
        try write(bytes, to: fd, path: path)
    }

    /// Fills a file this run created empty with ``write(_:bytes:)`` (a handout whose name
    /// was taken, and checked, before its text was known).
    public func fill(_ name: String, bytes: [UInt8]) throws {
        let path = self.path(name)
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw RunFolderError(path: path, operation: "write", code: errno) }
        defer { close(fd) }
        try write(bytes, to: fd, path: path)
    }

    private func write(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let code = n < 0 ? errno : EIO
                unlink(path)  // no half handout is left for a client the run rejects
                throw RunFolderError(path: path, operation: "write", code: code)
            }
            done += n
        }
    }

    /// Creates a new file (0600, never an existing one) and returns a handle to stream into.
    public func create(_ name: String) throws -> FileHandle {
        let path = self.path(name)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RunFolderError(path: path, operation: "create", code: errno) }
        if !umaskKeepsOwner { _ = fchmod(fd, 0o600) }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Removes a scratch file from the staging folder.
    public func remove(_ name: String) throws {
        guard unlink(path(name)) == 0 else { throw RunFolderError(path: path(name), operation: "remove", code: errno) }
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
        unlock()
        return finalPath
    }

    /// Makes `path` (and, with `intermediate`, the folders on the way) 0700, with the
    /// system's own error numbers, so a failure reads in plain words.
    private static func makeFolder(_ path: String, intermediate: Bool) throws {
        guard !path.isEmpty else { throw RunFolderError(path: path, operation: "create folder", code: ENOENT) }
        if intermediate, let parent = Self.parent(of: path) {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) { try makeFolder(parent, intermediate: true) }
        }
        if mkdir(path, 0o700) != 0 {
            let code = errno
            var isFolder: ObjCBool = false
            guard
                code == EEXIST && intermediate && FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
                    && isFolder.boolValue
            else { throw RunFolderError(path: path, operation: "create folder", code: code == EEXIST ? ENOTDIR : code) }
            return  // a folder on the way that exists already keeps its own mode
        }
        guard chmod(path, 0o700) == 0 else { throw RunFolderError(path: path, operation: "chmod", code: errno) }
    }

    /// The folder holding `path` (`a/b/` -> `a`), or `nil` for a name with no folder
    /// before it, or the root. On bytes: Foundation's `deletingLastPathComponent` traps
    /// on a one-character name.
    static func parent(of path: String) -> String? {
        var bytes = Array(path.utf8)
        while bytes.count > 1 && bytes.last == 0x2F { bytes.removeLast() }
        guard let slash = bytes.lastIndex(of: 0x2F) else { return nil }
        let end = bytes[..<slash].lastIndex { $0 != 0x2F }.map { $0 + 1 } ?? 0
        return end == 0 ? nil : String(decoding: bytes[..<end], as: UTF8.self)
    }
}

/// A file-system operation on the run folder failed (the environment is broken: exit 2).
public struct RunFolderError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let operation: String
    public let code: Int32
    /// What to do about it, when the system's words are not enough.
    public var note: String?

    public init(path: String, operation: String, code: Int32, note: String? = nil) {
        self.path = path
        self.operation = operation
        self.code = code
        self.note = note
    }

    public var description: String {
        "\(path.isEmpty ? "(empty path)" : path): error: could not \(operation): \(note ?? reason)"
    }

    /// What went wrong, in words, and what to do about it.
    public var reason: String {
        switch code {
        case ENOSPC, EDQUOT: return "the disk is full; free some space, or choose another folder with --out, and run again"
        case EACCES, EPERM: return "permission denied; choose a folder you may write to with --out"
        case EROFS: return "the disk is read-only; choose another folder with --out"
        case ENOENT: return "a folder on the way does not exist; check the path given with --out"
        case ENOTDIR, EEXIST: return "part of the path is a file, not a folder; check the path given with --out"
        case ENAMETOOLONG: return "the path is too long; choose a shorter one"
        case EIO: return "the disk reported an input/output error; check the disk, then run again"
        default: return RegularFile.words(code)
        }
    }

    /// Whether the error is the machine's (disk full, read-only, no permission, I/O) rather
    /// than one file's (a name the file system refuses).
    public var isEnvironmental: Bool {
        [ENOSPC, EDQUOT, EROFS, EACCES, EPERM, EIO, EMFILE, ENFILE, ENOENT].contains(code)
    }
}
