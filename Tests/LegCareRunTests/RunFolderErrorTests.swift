import Foundation
import Testing

@testable import LegCareRun

@Suite("Run folder errors in words")
struct RunFolderErrorTests {
    @Test(
        "a full disk, no permission, a read-only disk: what happened and what to do",
        arguments: [
            (ENOSPC, "the disk is full"), (EDQUOT, "the disk is full"), (EACCES, "permission denied"), (EROFS, "read-only"),
            (ENOTDIR, "is a file, not a folder"), (EIO, "input/output error"),
        ])
    func words(_ code: Int32, _ words: String) {
        let text = RunFolderError(path: "Reports/2026-W48", operation: "write", code: code).description
        #expect(text.hasPrefix("Reports/2026-W48: error: could not write: "))
        #expect(text.contains(words))
    }
}

@Suite("Buffered files on a full disk")
struct BufferedFileTests {
    @Test("writing to a full disk (/dev/full) throws a run folder error that says the disk is full")
    func fullDisk() throws {
        let handle = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let file = BufferedFile(handle, name: "Reports/2026-W48/plans.jsonl", capacity: 16)
        do {
            try file.write(String(repeating: "x", count: 64))
            try file.flush()
            Issue.record("a write to a full disk succeeded")
        } catch let error as RunFolderError {
            #expect(error.code == ENOSPC)
            #expect(error.description.contains("Reports/2026-W48/plans.jsonl: error: could not write: the disk is full"))
        }
    }
}

@Suite("Run folder paths")
struct RunFolderPathTests {
    @Test(
        "the folder holding a path, for making the folders on the way",
        arguments: [
            ("o", nil), ("a/b", "a"), ("a/b/", "a"), ("a//b", "a"), ("/r", nil), ("/x/y/z", "/x/y"), ("./o", "."), ("", nil), ("/", nil),
        ] as [(String, String?)])
    func parent(_ path: String, _ expected: String?) {
        #expect(RunFolder.parent(of: path) == expected)
    }
}
