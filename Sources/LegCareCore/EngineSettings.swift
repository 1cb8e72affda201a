/// Every threshold and window the plan engine uses, with the domain brief's defaults.
///
/// A clinic overrides any of them in `clinic.yaml`; nothing else in the engine holds
/// a number of its own.
public struct EngineSettings: Sendable, Equatable {
    /// Pain at or above this (0-10) without a red flag means gentle work only.
    public var painGate = 8
    /// At most this many self-massage items (the most needed first).
    public var maxRoutineItems = 5
    /// A routine never takes longer than this many minutes.
    public var maxRoutineMinutes = 15
    /// Deep work starts this many days after a very hard session (48 h)...
    public var deepWorkFromDays = 2
    /// ...and should happen within this many days of it (72 h).
    public var deepWorkToDays = 3
    /// No deep work in this many days before an event (48 h).
    public var noDeepWorkBeforeEventDays = 2
    /// Soreness within this many days of a hard session is treated as DOMS: gentle only.
    public var domsGentleDays = 2
    /// Acute:chronic workload ratio above this is a spike (Gabbett 2016).
    public var acwrSpike = 1.5
    /// Monotony above this is flagged (Foster 1998).
    public var monotonyHigh = 2.0
    /// An ACWR under this is amber attention: load has dropped well below the athlete's norm.
    public var acwrLow = 0.8
    /// Pain at or above this (0-10) makes a squad athlete red attention.
    public var attentionPain = 7
    /// A wellness score this many standard deviations below the athlete's own 28-day mean
    /// is an amber flag (Saw 2016)...
    public var wellnessAmberSD = 1.0
    /// ...and this many, a red one.
    public var wellnessRedSD = 2.0
    /// A wellness flag needs at least this many earlier scores of the item.
    public var wellnessMinimumScores = 7
    /// The ACWR is shown only with at least this many days of training history.
    public var acwrMinimumHistoryDays = 28
    /// Days between professional sessions, by this week's training load.
    public var intervalDays: [TrainingLoad: Int] = [.heavy: 7, .moderate: 14, .light: 21, .none: 28]
    /// Interval when the training load is not given.
    public var defaultIntervalDays = 28
    /// Self-massage sessions per week, by training load.
    public var sessionsPerWeek: [TrainingLoad: Int] = [.heavy: 5, .moderate: 3, .light: 2, .none: 2]
    /// Sessions per week when the training load is not given (2-3 a week is the general advice).
    public var defaultSessionsPerWeek = 3
    /// Length of a professional session when the client states none.
    public var defaultSessionMinutes = 60
    /// Length of a gentle or easy-week session when the client states none.
    public var gentleSessionMinutes = 45
    /// Seconds per leg on a sore area, and its hold on a tender spot.
    public var soreSeconds = 60, soreHoldSeconds = 30
    /// Seconds per leg on a maintenance area, and its hold on a tender spot.
    public var maintenanceSeconds = 45, maintenanceHoldSeconds = 20

    /// The brief's defaults.
    public init() {}
}
