/// One client's daily training log: load (RPE x minutes) per day, plus optional wellness.
public struct TrainingHistory: Hashable, Sendable {
    /// Summed load per day.
    public private(set) var loadByDay: [Day: Double] = [:]
    /// Wellness scores per day and item (fatigue, sleep, soreness, stress, mood).
    public private(set) var wellnessByDay: [Day: [String: Double]] = [:]
    /// The first day with a row.
    public private(set) var firstDay: Day?

    public init() {}

    /// Adds one row; several rows on one day add up.
    public mutating func add(day: Day, minutes: Int, rpe: Int, wellness: [String: Int] = [:]) {
        loadByDay[day, default: 0] += Double(minutes * rpe)
        for (key, value) in wellness { wellnessByDay[day, default: [:]][key] = Double(value) }
        firstDay = firstDay.map { min($0, day) } ?? day
    }

    /// The load figures as of a day (the day itself excluded), per the data contract.
    public func summary(asOf: Day, settings: EngineSettings) -> LoadSummary {
        let last7 = (1...7).map { loadByDay[asOf.adding(days: -$0)] ?? 0 }
        let last28 = (1...28).map { loadByDay[asOf.adding(days: -$0)] ?? 0 }
        let acute = last7.reduce(0, +)
        let chronic = last28.reduce(0, +) / 4
        let history = firstDay.map { asOf.days(since: $0) } ?? 0
        let acwr: Double? =
            history >= settings.acwrMinimumHistoryDays && chronic > 0 ? acute / chronic : nil
        let mean = acute / 7
        let variance = last7.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 7
        let sd = variance.squareRoot()
        let monotony: Double? = sd > 0 ? mean / sd : nil
        var wellness: [String: [Double]] = [:]
        for offset in 1...7 {
            for (key, value) in wellnessByDay[asOf.adding(days: -offset)] ?? [:] {
                wellness[key, default: []].append(value)
            }
        }
        return LoadSummary(
            acute: round2(acute), chronic: round2(chronic), acwr: acwr.map(round2),
            monotony: monotony.map(round2), strain: monotony.map { round2(acute * $0) },
            wellness: wellness.mapValues { round2($0.reduce(0, +) / Double($0.count)) })
    }
}

/// Rounds to 2 decimals, as every load figure in `plans.jsonl` is.
func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
