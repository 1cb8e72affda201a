/// One client's daily training log: load (RPE x minutes) per day, plus optional wellness.
///
/// One small record a day (measured: a dictionary of wellness scores per day made the
/// training log most of a 100,000-client run's memory).
public struct TrainingHistory: Hashable, Sendable {
    /// A day's summed load and its wellness scores, 3 bits each (0 = none) in item order.
    struct Daily: Hashable, Sendable {
        var load: Double = 0
        var scores: UInt16 = 0

        func score(_ item: Int) -> Int { Int(scores >> (3 * item)) & 7 }
        mutating func set(_ item: Int, _ value: Int) {
            scores = (scores & ~(7 << (3 * item))) | UInt16(value & 7) << (3 * item)
        }
    }

    private(set) var days: [Day: Daily] = [:]
    /// The first day with a row.
    public private(set) var firstDay: Day?

    public init() {}

    /// Adds one row; several rows on one day add up (a later wellness score replaces).
    public mutating func add(day: Day, minutes: Int, rpe: Int, wellness: [String: Int] = [:]) {
        var daily = days[day] ?? Daily()
        daily.load += Double(minutes * rpe)
        for (key, value) in wellness {
            if let item = Self.wellnessItems.firstIndex(of: key), (1...5).contains(value) { daily.set(item, value) }
        }
        days[day] = daily
        firstDay = firstDay.map { min($0, day) } ?? day
    }

    /// The summed load of a day (0 with no row).
    public func load(on day: Day) -> Double { days[day]?.load ?? 0 }

    /// A wellness item's score on a day, when given.
    public func wellness(_ item: String, on day: Day) -> Double? {
        guard let i = Self.wellnessItems.firstIndex(of: item), let score = days[day]?.score(i), score > 0 else { return nil }
        return Double(score)
    }

    /// Summed load per day, for tests and reports that want the whole log.
    public var loadByDay: [Day: Double] { days.mapValues(\.load) }

    /// The load figures as of a day (the day itself excluded), per the data contract.
    public func summary(asOf: Day, settings: EngineSettings) -> LoadSummary {
        let last7 = (1...7).map { load(on: asOf.adding(days: -$0)) }
        let last28 = (1...28).map { load(on: asOf.adding(days: -$0)) }
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
            for key in Self.wellnessItems {
                if let value = self.wellness(key, on: asOf.adding(days: -offset)) { wellness[key, default: []].append(value) }
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
