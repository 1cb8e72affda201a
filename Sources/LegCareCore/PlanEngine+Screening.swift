/// The outcome of screening one profile.
struct Screening {
    var status: Status = .cleared
    var referTo: ReferTo?
    var urgency: Urgency?
    var flags: [String] = []
    var avoidAreas: Set<Area> = []
    var wholeBody = false
    var avoid: [Avoidance] = []
    var pressureCap: Pressure?
    var gentleOnly = false
    var freshInjury = false
    var handsOnly = false
    var referralRules: [String] = []
    var reasons: [Reason] = []

    mutating func add(_ avoidance: Avoidance) {
        if !avoid.contains(avoidance) { avoid.append(avoidance) }
    }

    mutating func cap(_ pressure: Pressure) {
        pressureCap = min(pressureCap ?? pressure, pressure)
    }
}

extension PlanEngine {
    /// Applies every matching screening rule; the strictest status wins and every reason is kept.
    func screen(_ profile: ClientProfile) -> Screening {
        var s = Screening()
        let matching = ScreeningRules.table.filter { profile.conditions.contains($0.condition) }
        for rule in matching {
            s.status = max(s.status, rule.status)
            s.flags.append(rule.condition.rawValue)
            for a in rule.avoid { s.add(a) }
            if let cap = rule.pressureCap { s.cap(cap) }
            s.gentleOnly = s.gentleOnly || rule.gentleOnly
            s.freshInjury = s.freshInjury || rule.freshInjury
            s.handsOnly = s.handsOnly || rule.handsOnly
            switch rule.scope {
            case .none: break
            case .wholeBody: s.wholeBody = true
            case .areas(let areas): s.avoidAreas.formUnion(areas)
            case .soreAreasElseWholeBody:
                if profile.soreAreas.isEmpty { s.wholeBody = true } else { s.avoidAreas.formUnion(profile.soreAreas) }
            }
            s.reasons.append(Reason(rule: rule.id, text: rule.why))
        }
        // The referral goes to the most urgent rule; ties keep table order (sort is stable).
        let referrals = matching.filter { $0.status == .refer }
            .enumerated().sorted { ($0.element.urgency!, -$0.offset) > ($1.element.urgency!, -$1.offset) }
            .map(\.element)
        if let first = referrals.first {
            s.referTo = first.referTo
            s.urgency = first.urgency
            s.referralRules = referrals.map(\.id)
        }
        if let pain = profile.painLevel, pain >= settings.painGate {
            s.status = max(s.status, .modified)
            s.flags.append("pain_\(settings.painGate)_plus")
            s.add(.deepWork)
            s.cap(.light)
            s.gentleOnly = true
            s.reasons.append(
                Reason(
                    rule: ScreeningRules.painGateID,
                    text: "Pain of \(pain)/10 (at or above \(settings.painGate)): gentle work only, no deep work this week."))
        }
        if s.status == .refer {
            s.add(.deepWork)
            s.reasons.append(
                Reason(
                    rule: "screen.refer_holds",
                    text: s.wholeBody
                        ? "Until the client is cleared: no professional session, no deep work and no self-massage."
                        : "Until the client is cleared: no professional session, no deep work, and the affected areas are left alone."))
        }
        if s.wholeBody { s.avoidAreas = [] }
        s.avoidAreas.remove(.lowerBack)
        if s.status == .cleared {
            s.reasons.append(Reason(rule: "screen.cleared", text: "No condition or red flag reported: plan as normal."))
        }
        return s
    }
}
