/// What one reported condition does to a plan: one row of ``ScreeningRules/table``.
public struct ScreeningRule: Sendable {
    /// Which areas a rule keeps self-massage away from.
    public enum Scope: Sendable, Equatable {
        /// No area is ruled out by this rule.
        case none
        /// No self-massage at all until the client is cleared.
        case wholeBody
        /// These areas are left out of every self-massage item.
        case areas([Area])
        /// The client's sore areas; when none is named the whole body (the site is unknown).
        case soreAreasElseWholeBody
    }

    /// Stable id used in reasons, tests and the workbook, e.g. `screen.dvt_signs`.
    public let id: String
    public let condition: Condition
    public let status: Status
    public let referTo: ReferTo?
    public let urgency: Urgency?
    public let scope: Scope
    public let avoid: [Avoidance]
    /// Self-massage pressure may not exceed this.
    public let pressureCap: Pressure?
    /// Professional work must be gentle (no deep work).
    public let gentleOnly: Bool
    /// A fresh injury: no heat on it and no massage on the site.
    public let freshInjury: Bool
    /// Self-massage with the hands only: no rolling or tool pressure.
    public let handsOnly: Bool
    /// Where the fact comes from (seed file numbers or a study).
    public let source: String
    /// One clinician-readable sentence saying why.
    public let why: String

    init(
        _ condition: Condition, _ status: Status, referTo: ReferTo? = nil, urgency: Urgency? = nil,
        scope: Scope = .none, avoid: [Avoidance] = [], pressureCap: Pressure? = nil,
        gentleOnly: Bool = false, freshInjury: Bool = false, handsOnly: Bool = false, source: String, why: String
    ) {
        self.id = "screen.\(condition.rawValue)"
        self.condition = condition
        self.status = status
        self.referTo = referTo
        self.urgency = urgency
        self.scope = scope
        self.avoid = avoid
        self.pressureCap = pressureCap
        self.gentleOnly = gentleOnly
        self.freshInjury = freshInjury
        self.handsOnly = handsOnly
        self.source = source
        self.why = why
    }
}
