import Foundation

/// Where a file LegCare ships lies: under `<prefix>/share/legcare/<folder>` beside
/// `<prefix>/bin/legcare` once installed (`make install`, the package), else in the
/// build's resources.
enum ShippedFile {
    /// `installed`: the folder under share/legcare; `resources`: the resource folder;
    /// `name` and `ext`: the file.
    static func path(installed: String, resources: String, name: String, ext: String) -> String? {
        if let binary = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let path = binary.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/legcare/\(installed)/\(name).\(ext)").path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return Bundle.module.url(forResource: "\(resources)/\(name)", withExtension: ext)?.path
    }
}
