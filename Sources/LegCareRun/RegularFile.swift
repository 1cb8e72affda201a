import Foundation

/// The one way LegCare opens an input: only a regular file, opened without blocking, so a
/// folder, a device (`/dev/zero`) or a pipe with no writer is refused at once instead of
/// hanging or filling memory.
///
/// ```swift
/// let handle = try RegularFile.open("Input/clients.csv")
/// let yaml = try RegularFile.contents("Input/clinic.yaml", limit: 1 << 20)
/// ```
package enum RegularFile {
    /// Why a path cannot be read, in words a user can act on.
    package enum Problem: Error, Equatable, Sendable {
        case missing
        case notRegular(kind: String)
        case unreadable(String)
        case tooLarge(limit: Int)
        case notUTF8

        /// One sentence, without the path.
        package var sentence: String {
            switch self {
            case .missing: return "does not exist; check the path"
            case .notRegular(let kind):
                return "is \(kind), not a regular file; give the path of the file itself"
            case .unreadable(let why): return "cannot be read (\(why)); check that you may read it"
            case .tooLarge(let limit): return "is larger than \(limit >> 20) MiB; expected a small settings file"
            case .notUTF8: return "is not UTF-8 text; save it as UTF-8"
            }
        }
    }

    /// Opens `path` for reading after checking that it is a regular file.
    package static func open(_ path: String) throws(Problem) -> FileHandle {
        let fd = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(words(errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw .unreadable(words(code))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .notRegular(kind: kind(info.st_mode))
        }
        // Blocking reads again: a regular file never blocks, and Foundation expects it.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// The whole of a small regular file, at most `limit` bytes.
    package static func contents(_ path: String, limit: Int) throws(Problem) -> [UInt8] {
        let handle = try open(path)
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else { throw Problem.tooLarge(limit: limit) }
            return [UInt8](data)
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .unreadable("a read failed")
        }
    }

    /// The whole of a small regular file of UTF-8 text (a settings file, a template, a
    /// catalog), at most `limit` bytes.
    package static func text(_ path: String, limit: Int) throws(Problem) -> String {
        guard let text = String(validating: try contents(path, limit: limit), as: UTF8.self) else { throw .notUTF8 }
        return text
    }

    /// A system error in plain words.
    package static func words(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case EIO: return "the disk reported an input/output error"
        case ELOOP: return "too many symbolic links"
        case ENAMETOOLONG: return "the path is too long"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a pipe"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a plain file"
        }
    }
}
