import ArgumentParser
import Foundation
import LegCareIntake
import LegCareReports

// The data contract's exit statuses: argument errors are 2 (not ArgumentParser's 64),
// and a broken environment (unreadable input, bad config, unwritable folder) is 2 too.
do {
    var command = try LegCareCommand.parseAsRoot()
    try command.run()
} catch let error as IntakeError {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
} catch let error as TemplateError {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
} catch let error as RunFolderError {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
} catch let error as WorkbookError {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
} catch {
    let code = LegCareCommand.exitCode(for: error)
    if code == .success || code.rawValue == 3 || code.rawValue == 2 {
        if code == .success, !(error is ExitCode) { print(LegCareCommand.fullMessage(for: error)) }
        exit(code.rawValue)
    }
    FileHandle.standardError.write(Data((LegCareCommand.fullMessage(for: error) + "\n").utf8))
    exit(2)
}
