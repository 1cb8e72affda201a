/// One client's daily training log: load (RPE x minutes) per day, plus optional wellness.
///
/// One small record a day, in day order: a dictionary of days cost three times as much.
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

    /// One day with rows: 16 bytes, not the 24 of a `Day` and a `Daily` side by side; a
    /// league's days are the largest block while clients stream.
    struct Entry: Hashable, Sendable {
        private var load: Double
        /// The day's serial (within Int32 for years 1-9999, the dates the readers accept).
        private var serial: Int32
        private var scores: UInt16

        init(day: Day, daily: Daily) {
            load = daily.load
            serial = Int32(clamping: day.serial)
            scores = daily.scores
        }

        var day: Day { Day(serial: Int(serial)) }

        var daily: Daily {
            get { Daily(load: load, scores: scores) }
            set {
                load = newValue.load
                scores = newValue.scores
            }
        }
    }

    /// The bytes a day of the log takes (for the test that keeps it small, and for a log
    /// kept as bytes).
    public static let entryBytes = MemoryLayout<Entry>.stride

    /// How many days have rows.
    public var dayCount: Int { entries.count }

    /// The log's days as bytes (``entryBytes`` a day), to be kept elsewhere and made into
    /// the same log again by ``init(entryBytes:)`` in this same program.
    public func withEntryBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try entries.withUnsafeBytes(body)
    }

    /// The log whose days ``withEntryBytes(_:)`` gave.
    public init(entryBytes bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count % Self.entryBytes == 0, "a training log's bytes are whole days")
        entries = Array(unsafeUninitializedCapacity: bytes.count / Self.entryBytes) { buffer, count in
            if !bytes.isEmpty { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes) }
            count = bytes.count / Self.entryBytes
        }
    }

    /// One entry per day with rows, oldest first.
    private(set) var entries: [Entry] = []
    /// The first day with a row.
    public var firstDay: Day? { entries.first?.day }

    public init() {}

    /// Where `day` is in `entries`, or where it would go.
    private func index(of day: Day) -> (found: Bool, at: Int) {
        var lo = 0
        var hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].day < day { lo = mid + 1 } else { hi = mid }
        }
        return (lo < entries.count && entries[lo].day == day, lo)
    }

    /// The day's record, when it has rows.
    func daily(on day: Day) -> Daily? {
        let (found, i) = index(of: day)
        return found ? entries[i].daily : nil
    }

    /// Adds one row; several rows on one day add up (a later wellness score replaces).
    public mutating func add(day: Day, minutes: Int, rpe: Int, wellness: [String: Int] = [:]) {
        add(day: day, minutes: minutes, rpe: Double(rpe), wellness: wellness)
    }

    /// ``add(day:minutes:rpe:wellness:)`` with an RPE in tenths (`7.5`), as athlete systems
    /// export it.
    public mutating func add(day: Day, minutes: Int, rpe: Double, wellness: [String: Int] = [:]) {
        let (found, i) = index(of: day)
        var daily = found ? entries[i].daily : Daily()
        daily.load += Double(minutes) * rpe
        for (key, value) in wellness {
            if let item = Self.wellnessItems.firstIndex(of: key), (1...5).contains(value) { daily.set(item, value) }
        }
        if found { entries[i].daily = daily } else { entries.insert(Entry(day: day, daily: daily), at: i) }
    }

    /// Adds the days of `later`, a log of rows that come after this one's: the same log
    /// as adding its rows here one by one (loads add up, a later wellness score replaces).
    /// Loads of whole RPEs are whole numbers (minutes x RPE), so their sums are exact in any
    /// grouping; an RPE in tenths sums in the one grouping a run always uses.
    public mutating func append(_ later: TrainingHistory) {
        if entries.isEmpty {
            entries = later.entries
            return
        }
        for entry in later.entries {
            let (found, i) = index(of: entry.day)
            guard found else {
                entries.insert(entry, at: i)
                continue
            }
            var daily = entries[i].daily
            daily.load += entry.daily.load
            for item in Self.wellnessItems.indices where entry.daily.score(item) > 0 { daily.set(item, entry.daily.score(item)) }
            entries[i].daily = daily
        }
    }

    /// The summed load of a day (0 with no row).
    public func load(on day: Day) -> Double { daily(on: day)?.load ?? 0 }

    /// A wellness item's score on a day, when given.
    public func wellness(_ item: String, on day: Day) -> Double? {
        guard let i = Self.wellnessItems.firstIndex(of: item), let score = daily(on: day)?.score(i), score > 0 else { return nil }
        return Double(score)
    }

    /// Summed load per day, for tests and reports that want the whole log.
    public var loadByDay: [Day: Double] { Dictionary(uniqueKeysWithValues: entries.map { ($0.day, $0.daily.load) }) }

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

/// A training log with no row in the 7 days before the as-of day: the load figures count
/// those days, and a day with no row counts as rest, so the coach is told.
public struct StaleTrainingLog: Sendable, Equatable {
    /// The log's last day before the as-of day; `nil` when it has none.
    public var lastDay: Day?

    public init(lastDay: Day?) { self.lastDay = lastDay }
}
