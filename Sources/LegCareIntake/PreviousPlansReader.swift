import Foundation
import LegCareCore

/// Reads an earlier week's `plans.jsonl` for the week-to-week changes.
///
/// The file is LegCare's own output, but it may have been edited, cut short or damaged:
/// a line that is not a plan becomes a warning naming the file and line, and the rest
/// are still read. Only an unreadable file throws (the caller turns it into a warning).
public enum PreviousPlansReader {
    /// The snapshots by client id, and a warning for every line that could not be read.
    public struct Result: Sendable {
        public var plans: [String: PlanSnapshot] = [:]
        public var diagnostics: [Diagnostic] = []
    }

    /// The longest line read as a plan.
    static let lineLimit = 1 << 20

    /// Reads `path`; `file` names it in warnings (`2026-W47/plans.jsonl`).
    public static func read(path: String, file: String) throws -> Result {
        var source = try ByteSource(path: path)
        var result = Result()
        var pending: [UInt8] = []
        var line = 0
        func take(_ bytes: ArraySlice<UInt8>) {
            line += 1
            guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { return }
            if let snapshot = snapshot(Data(bytes)) {
                result.plans[snapshot.clientID] = snapshot
            } else {
                result.diagnostics.append(
                    Diagnostic(
                        .warning, file: file, row: line,
                        message: "is not a plan LegCare can read; this client is compared as if new (expected one JSON plan per line)"))
            }
        }
        // A line longer than any plan is a damaged line: it is skipped to its end, never
        // held whole (a plan is a few KB).
        var skipping = false
        while true {
            let chunk = try source.next()
            if chunk.isEmpty { break }
            pending += chunk
            var start = pending.startIndex
            while let end = pending[start...].firstIndex(of: 0x0A) {
                // A skipped line was counted and reported when it ran past the limit.
                if !skipping { take(pending[start..<end]) }
                skipping = false
                start = end + 1
            }
            pending.removeFirst(start - pending.startIndex)
            if pending.count > Self.lineLimit {
                if !skipping { take([0x78]) }  // "x": reported as a line that is not a plan
                skipping = true
                pending.removeAll(keepingCapacity: true)
            }
        }
        if !pending.isEmpty && !skipping { take(pending[...]) }
        return result
    }

    /// One line's plan, or `nil` when it is not one.
    static func snapshot(_ data: Data) -> PlanSnapshot? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let id = object["client_id"] as? String, let status = (object["status"] as? String).flatMap(Status.init)
        else { return nil }
        let professional = object["professional"] as? [String: Any]
        let items = (object["self_massage"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        return PlanSnapshot(
            clientID: id, status: status, referTo: (object["refer_to"] as? String).flatMap(ReferTo.init),
            intervalDays: professional?["interval_days"] as? Int, kind: (professional?["kind"] as? String).flatMap(SessionKind.init),
            areas: Array(Set(items.compactMap { ($0["area"] as? String).flatMap(Area.init) })),
            attention: ((object["attention"] as? [String: Any])?["level"] as? String).flatMap(AttentionLevel.init))
    }

    /// The newest run folder under `out` older than `week` (folders named `YYYY-Www`), or `nil`.
    public static func previousWeek(in out: String, before week: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        return names.filter { name in
            name.count == 8 && name < week && name.dropFirst(4).hasPrefix("-W") && name.prefix(4).allSatisfy(\.isNumber)
                && name.suffix(2).allSatisfy(\.isNumber) && FileManager.default.fileExists(atPath: "\(out)/\(name)/plans.jsonl")
        }.max().map { "\(out)/\($0)" }
    }
}
