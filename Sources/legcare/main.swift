import ArgumentParser
import Foundation
import LegCareIntake
import LegCareNative
import LegCareReports
import LegCareRun

/// Problems of the environment or the inputs that stop a run before anything is
/// published: each prints its own one-line message and exits 2.
func isStoppingError(_ error: Error) -> Bool {
    error is IntakeError || error is TemplateError || error is CatalogError || error is RunFolderError || error is WorkbookError
}

// The data contract's exit statuses: argument errors are 2 (not ArgumentParser's 64),
// and a broken environment (unreadable input, bad config, unwritable folder) is 2 too.
// Health data: everything this process creates is the user's alone from its first byte
// (files 0600, folders 0700), including scratch files of libraries it calls.
umask(0o077)

do {
    var command = try LegCareCommand.parseAsRoot()
    try command.run()
} catch {
    if isStoppingError(error) {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(2)
    }
    let code = LegCareCommand.exitCode(for: error)
    if code == .success || code.rawValue == 3 || code.rawValue == 2 {
        if code == .success, !(error is ExitCode) { print(LegCareCommand.fullMessage(for: error)) }
        exit(code.rawValue)
    }
    // A system error no stage turned into a sentence: its own words, never a raw dump.
    let nsError = error as NSError
    let plain = [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains(nsError.domain)
    let text = plain ? "legcare: error: \(nsError.localizedDescription)" : LegCareCommand.fullMessage(for: error)
    FileHandle.standardError.write(Data((text + "\n").utf8))
    exit(2)
}
