/// One wellness item's latest score against the athlete's own recent scores.
public struct WellnessScore: Hashable, Sendable {
    /// The latest day's score (1-5, higher is better).
    public var latest: Double
    /// The day of that score.
    public var day: Day
    /// Mean of the item's scores in the 28 days before `day`; `nil` with none.
    public var mean: Double?
    /// Their population standard deviation; `nil` with none.
    public var sd: Double?
    /// How many earlier scores the mean is made of.
    public var earlierScores: Int
    /// `red` 2 SD or more below the mean, `amber` 1 SD or more (configurable); `nil` when
    /// not below, or with fewer earlier scores than a flag needs.
    public var flag: AttentionLevel?
}

extension TrainingHistory {
    /// The daily wellness items `training.csv` may hold, in the data contract's order.
    public static let wellnessItems = ["fatigue", "sleep", "soreness", "stress", "mood"]

    /// The wellness items (fatigue, sleep, soreness, stress, mood) as of a day.
    ///
    /// For each item: the latest score before the as-of day (the day itself excluded, as
    /// for load), against the item's scores in the 28 days before that score. A drop of
    /// `wellnessAmberSD` standard deviations below the mean is amber, of `wellnessRedSD`
    /// red (Saw 2016: compare an athlete with their own norm), given at least
    /// `wellnessMinimumScores` earlier scores. With an unvarying baseline (SD 0) any drop
    /// is as many SDs as it can be: red.
    public func wellness(asOf: Day, settings: EngineSettings) -> [String: WellnessScore] {
        var latest: [String: Day] = [:]
        for (day, daily) in entries.lazy.map({ ($0.day, $0.daily) }) where day < asOf && daily.scores != 0 {
            for (i, key) in Self.wellnessItems.enumerated() where daily.score(i) > 0 && (latest[key].map { day > $0 } ?? true) {
                latest[key] = day
            }
        }
        var out: [String: WellnessScore] = [:]
        for (key, day) in latest {
            let value = wellness(key, on: day)!
            let earlier = (1...28).compactMap { wellness(key, on: day.adding(days: -$0)) }
            var score = WellnessScore(latest: value, day: day, mean: nil, sd: nil, earlierScores: earlier.count, flag: nil)
            if !earlier.isEmpty {
                let mean = earlier.reduce(0, +) / Double(earlier.count)
                let sd = (earlier.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(earlier.count)).squareRoot()
                score.mean = round2(mean)
                score.sd = round2(sd)
                if earlier.count >= settings.wellnessMinimumScores && value < mean {
                    let drop = mean - value
                    score.flag = drop >= settings.wellnessRedSD * sd ? .red : drop >= settings.wellnessAmberSD * sd ? .amber : nil
                }
            }
            out[key] = score
        }
        return out
    }
}
