import Foundation

/// Wall time per pipeline stage, summed over the stream (`legcare report --timings`).
///
/// ```swift
/// var timings = StageTimings()
/// let plan = timings.measure("plan") { engine.plan(for: profile, asOf: day) }
/// print(timings.report())   // one line per stage, in the order first measured
/// ```
public struct StageTimings: Sendable {
    public private(set) var seconds: [String: Double] = [:]
    public private(set) var order: [String] = []

    public init() {}

    /// Runs `body`, adding its wall time to `stage`.
    public mutating func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        let start = Self.now()
        defer { add(stage, Self.now() - start) }
        return try body()
    }

    /// Adds seconds to a stage.
    public mutating func add(_ stage: String, _ s: Double) {
        if seconds[stage] == nil { order.append(stage) }
        seconds[stage, default: 0] += s
    }

    /// Adds another set of timings (a writer's stages to the pipeline's).
    public mutating func merge(_ other: StageTimings) {
        for stage in other.order { add(stage, other.seconds[stage]!) }
    }

    /// `stage  12.345 s` lines, then the total.
    public func report() -> String {
        let total = order.map { seconds[$0]! }.reduce(0, +)
        func line(_ name: String, _ s: Double) -> String {
            "  " + name.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%9.3f s", s)
        }
        return (order.map { line($0, seconds[$0]!) } + [line("total", total)]).joined(separator: "\n")
    }

    /// Monotonic seconds.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
