import Foundation
import Synchronization

/// The progress line of a long run, on stderr when it is a terminal (quiet otherwise): the
/// share of the client file read, rows a second and the time left, redrawn a few times a
/// second and cleared at the end.
package struct ProgressLine: ~Copyable {
    /// Redrawn at most this often, in seconds.
    static let interval = 0.25
    /// A run shorter than this shows nothing.
    static let quietFor = 1.0

    private let file: String
    private let totalBytes: Int
    private let counter: ReadCounter
    private let enabled: Bool
    private let started = StageTimings.now()
    private var lastDrawn = 0.0
    private var drawn = false

    package init(file: String, totalBytes: Int, counter: ReadCounter, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.file = file
        self.totalBytes = totalBytes
        self.counter = counter
        self.enabled = enabled && totalBytes > 0
    }

    /// Called per client written; redraws when the interval has passed.
    package mutating func tick(_ rows: Int) {
        guard enabled, rows & 255 == 0 else { return }
        let now = StageTimings.now()
        guard now - started >= Self.quietFor, now - lastDrawn >= Self.interval else { return }
        lastDrawn = now
        drawn = true
        let line = Self.line(file: file, fraction: Double(counter.value) / Double(totalBytes), rows: rows, elapsed: now - started)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    /// Clears the line.
    package consuming func done() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// `legcare: clients.csv 42% read, 12,300 rows/s, about 8 s left`.
    package static func line(file: String, fraction: Double, rows: Int, elapsed: Double) -> String {
        let share = min(max(fraction, 0), 1)
        let rate = elapsed > 0 ? Int((Double(rows) / elapsed).rounded()) : 0
        var text = "legcare: \(file) \(Int((share * 100).rounded(.down)))% read, \(grouped(rate)) rows/s"
        if share > 0.01 {
            let left = Int((elapsed * (1 - share) / share).rounded(.up))
            text += left >= 90 ? ", about \(Int((Double(left) / 60).rounded())) min left" : ", about \(max(left, 1)) s left"
        }
        return text
    }

    /// 12300 as "12,300".
    package static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}

/// The bytes read from a file so far, read by another thread (the progress line).
public final class ReadCounter: Sendable {
    private let bytes = Atomic<Int>(0)
    public init() {}
    public func add(_ n: Int) { bytes.add(n, ordering: .relaxed) }
    public var value: Int { bytes.load(ordering: .relaxed) }
}
