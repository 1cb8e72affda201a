/// Turns one validated client profile into the week's plan.
///
/// The engine is a pure function of the profile, the as-of day, the optional training
/// history and the settings: the same inputs always give the same plan.
///
/// ```swift
/// let engine = PlanEngine()
/// let plan = engine.plan(for: profile, asOf: Day(iso: "2026-11-23")!)
/// plan.status     // .cleared, .modified or .refer
/// plan.reasons    // why, rule by rule
/// ```
public struct PlanEngine: Sendable {
    public let settings: EngineSettings

    public init(settings: EngineSettings = EngineSettings()) {
        self.settings = settings
    }

    /// The plan for one client. Stages run in order, each adding its reasons.
    public func plan(for profile: ClientProfile, asOf: Day, training: TrainingHistory? = nil) -> Plan {
        // 1. Screening: status, referral, flags, what to avoid.
        let screening = screen(profile)
        // 2. Training load: soft flags for the squad, never a diagnosis.
        let load = training.map { $0.summary(asOf: asOf, settings: settings) }
        let loadReasons = load.map(loadFlags) ?? []
        // 3. Professional sessions: kind, interval, length, next window.
        let (professional, profReasons) = professionalPlan(profile, screening: screening, asOf: asOf)
        // 4. Self-massage routine.
        let (routine, routineReasons) = selfMassagePlan(profile, screening: screening, asOf: asOf)
        // 5. Aftercare.
        let (aftercare, aftercareReasons) = aftercarePlan(
            profile, screening: screening, professional: professional)

        var plan = Plan(
            clientID: profile.clientID, status: screening.status, referTo: screening.referTo,
            urgency: screening.urgency, flags: screening.flags,
            avoidAreas: screening.avoidAreas.sorted(), avoid: screening.avoid,
            professional: professional, selfMassage: routine, aftercare: aftercare,
            reasons: screening.reasons + loadReasons + profReasons + routineReasons + aftercareReasons,
            load: load, referralRules: screening.referralRules, rulesVersion: ScreeningRules.version)
        // 6. Squad attention: who the team physio sees first (athletes only).
        if let training {
            plan.wellness = training.wellness(asOf: asOf, settings: settings)
            plan.attention = AttentionRules.evaluate(
                .init(referred: screening.status == .refer, painLevel: profile.painLevel, load: load, wellness: plan.wellness),
                settings: settings)
        }
        return plan
    }
}
