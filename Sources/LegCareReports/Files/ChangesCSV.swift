import LegCareCore

/// `changes.csv`: what changed since the previous run, one row per change, sorted by
/// client then change (data contract).
public enum ChangesCSV {
    /// The header line.
    public static let header = "client_id,change,before,after"

    /// The whole file's text.
    public static func text(_ changes: [PlanChange]) -> String {
        var out = header + "\n"
        for c in changes {
            out += [c.clientID, c.kind.rawValue, c.before, c.after].map(CSVField.cell).joined(separator: ",") + "\n"
        }
        return out
    }
}
