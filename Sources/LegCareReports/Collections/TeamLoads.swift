import LegCareCore

/// Each squad's daily training load over the days before the as-of day, summed while the
/// athletes stream by: what the Squad sheet's load chart reads.
///
/// Why not the logs themselves: each athlete's log goes as soon as they are written, not
/// kept to the run's end for one chart.
public struct TeamLoads: Sendable {
    /// How many days the chart covers, ending the day before the as-of day.
    public static let days = 28

    private struct Team: Sendable {
        var athletes = 0
        /// Summed load per day, oldest first.
        var totals = [Double](repeating: 0, count: TeamLoads.days)
    }

    private let asOf: Day
    private var teams: [String: Team] = [:]

    public init(asOf: Day) { self.asOf = asOf }

    /// Counts one athlete of `team` with a training log.
    public mutating func add(team: String, history: TrainingHistory) {
        var entry = teams[team] ?? Team()
        entry.athletes += 1
        for back in 1...Self.days { entry.totals[Self.days - back] += history.load(on: asOf.adding(days: -back)) }
        teams[team] = entry
    }

    /// How many of the team's athletes have a training log.
    public func athletes(_ team: String) -> Int { teams[team]?.athletes ?? 0 }

    /// The team's mean load per athlete with a log, `back` days before the as-of day (1 =
    /// the day before), to two decimals; 0 when none of its athletes has a log.
    public func average(_ team: String, daysBack back: Int) -> Double {
        guard let entry = teams[team], entry.athletes > 0, (1...Self.days).contains(back) else { return 0 }
        return (entry.totals[Self.days - back] / Double(entry.athletes) * 100).rounded() / 100
    }
}
