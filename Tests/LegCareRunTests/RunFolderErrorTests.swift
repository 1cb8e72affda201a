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
