import ArgumentParser
import Foundation
import LegCareCore

/// `legcare init DIR`: a starting folder for a new clinic, ready for `legcare validate`.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a starting folder for a new clinic: Input/ with clinic.yaml and empty CSV files, and a README.txt.",
        discussion: """
            Writes DIR/README.txt and DIR/Input/ holding clinic.yaml (every setting explained, \
            with its default), and clients.csv, sessions.csv and training.csv holding only their \
            headers. Run legcare validate and legcare report from DIR. Existing files are never \
            overwritten: if any is there, nothing is written (exit 2).
            """)

    @Argument(help: "The folder to create or fill.")
    var dir: String

    func validate() throws {
        guard !dir.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("DIR must name a folder") }
    }

    func run() throws {
        let files = StarterFiles.all.map { (path: dir + "/" + $0.name, text: $0.text) }
        let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
        guard existing.isEmpty else {
            let list = existing.map { Diagnostic.safe($0, limit: 200) }.joined(separator: ", ")
            FileHandle.standardError.write(Data("legcare: error: not overwriting \(list); nothing was written\n".utf8))
            throw ExitCode(2)
        }
        do {
            for file in files {
                let folder = (file.path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                guard
                    FileManager.default.createFile(
                        atPath: file.path, contents: Data(file.text.utf8), attributes: [.posixPermissions: 0o600])
                else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file.path])
                }
            }
        } catch {
            FileHandle.standardError.write(
                Data("legcare: error: could not write the starting folder \(Diagnostic.safe(dir, limit: 200)): check it is writable\n".utf8)
            )
            throw ExitCode(2)
        }
        print("legcare: wrote \(dir)/README.txt and \(dir)/Input/; fill them in, then run legcare validate from \(dir)")
    }
}
