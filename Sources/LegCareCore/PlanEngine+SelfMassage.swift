extension PlanEngine {
    /// The self-massage routine: one item per needed area, most needed first, short enough
    /// to be followed (at most `maxRoutineItems` items and `maxRoutineMinutes` minutes).
    func selfMassagePlan(
        _ profile: ClientProfile, screening: Screening, asOf: Day
    ) -> (SelfMassagePlan, [Reason]) {
        if screening.wholeBody {
            return (
                .none,
                [
                    Reason(
                        rule: "selfmassage.whole_body_hold",
                        text: "No self-massage at all until the client is cleared: the reason concerns the whole body or an unknown site.")
                ]
            )
        }
        var reasons: [Reason] = []

        // Areas: sore ones first (in the client's order, with what they bring in), then maintenance.
        var wanted: [(area: Area, sore: Bool)] = []
        func want(_ area: Area, sore: Bool) {
            if !wanted.contains(where: { $0.area == area }) { wanted.append((area, sore)) }
        }
        for area in profile.soreAreas {
            if area == .lowerBack {
                for a in LowerBackSubstitute.areas { want(a, sore: true) }
                reasons.append(
                    Reason(
                        rule: LowerBackSubstitute.ruleID,
                        text: "The lower back is not worked directly; hamstrings and glutes, which go with back tightness, are."))
                continue
            }
            for a in AreaGuide.guide(for: area)?.bringsIn ?? [] { want(a, sore: true) }
            want(area, sore: true)
        }
        if profile.soreAreas.isEmpty {
            for a in MaintenanceAreas.areas(for: profile.activity, occupation: profile.occupation) { want(a, sore: false) }
            reasons.append(
                Reason(
                    rule: MaintenanceAreas.ruleID,
                    text:
                        "No sore area named: a maintenance routine for \(profile.activity?.token ?? "general activity")\(profile.occupation.map { " and \($0.rawValue) work" } ?? "")."
                ))
        }
        let skipped = wanted.filter { screening.avoidAreas.contains($0.area) }
        if !skipped.isEmpty {
            reasons.append(
                Reason(
                    rule: "selfmassage.avoid_areas",
                    text: "Left out because of screening: \(skipped.map(\.area.rawValue).joined(separator: ", "))."))
        }
        wanted.removeAll { screening.avoidAreas.contains($0.area) }
        if wanted.count > settings.maxRoutineItems {
            reasons.append(
                Reason(
                    rule: "selfmassage.max_items",
                    text: "Kept to \(settings.maxRoutineItems) items, the most needed first: long routines are not followed."))
            wanted = Array(wanted.prefix(settings.maxRoutineItems))
        }

        // Pressure: the client's preference, capped by screening, the area, DOMS and a close event.
        var cap = screening.pressureCap ?? .firm
        var timing: [RoutineTiming] = []
        if let hard = profile.lastHardSession?.day, !profile.soreAreas.isEmpty,
            (0..<settings.domsGentleDays).contains(asOf.days(since: hard))
        {
            cap = .light
            timing.append(.domsGentle)
            reasons.append(
                Reason(
                    rule: "selfmassage.doms_gentle", text: "Sore within 48 hours of the hard session on \(hard): gentle work only for now.")
            )
        }
        if let event = profile.nextEvent, (0...settings.noDeepWorkBeforeEventDays).contains(event.days(since: asOf)) {
            cap = .light
            timing.append(.preEventLight)
            reasons.append(
                Reason(rule: "selfmassage.pre_event_light", text: "The event on \(event) is close: light rolling only, as a warm-up."))
        }
        if screening.status == .refer {
            cap = .light
            reasons.append(
                Reason(rule: "selfmassage.refer_light", text: "While a referral is open, the remaining areas get light pressure only."))
        }
        let preferred = profile.pressure ?? .moderate

        var items: [RoutineItem] = wanted.map { want in
            let guide = AreaGuide.guide(for: want.area)!
            let tool = screening.handsOnly ? .hands : guide.tools.first { $0 == .hands || profile.tools.contains($0) } ?? .hands
            var pressure = min(preferred, cap)
            if let areaCap = guide.pressureCap { pressure = min(pressure, areaCap) }
            if screening.avoid.contains(.deepWork(on: want.area)) { pressure = .light }
            return RoutineItem(
                area: want.area, tool: tool,
                seconds: want.sore ? settings.soreSeconds : settings.maintenanceSeconds,
                holdSeconds: want.sore ? settings.soreHoldSeconds : settings.maintenanceHoldSeconds,
                pressure: pressure, sore: want.sore)
        }
        while minutes(of: items) > settings.maxRoutineMinutes { items.removeLast() }
        if screening.handsOnly {
            reasons.append(
                Reason(rule: "selfmassage.hands_only", text: "Hands only: no rolling or tool pressure because of the screening result."))
        }
        guard !items.isEmpty else {
            return (
                .none,
                reasons + [Reason(rule: "selfmassage.nothing_left", text: "Every area the routine would work is ruled out this week.")]
            )
        }
        for item in items {
            let guide = AreaGuide.guide(for: item.area)!
            reasons.append(
                Reason(
                    rule: guide.ruleID,
                    text: "\(guide.label): \(item.tool.label), \(item.pressure.rawValue) pressure, \(item.seconds) s per leg."))
        }

        let perWeek = profile.trainingLoad.flatMap { settings.sessionsPerWeek[$0] } ?? settings.defaultSessionsPerWeek
        reasons.append(
            Reason(rule: "selfmassage.frequency", text: "\(perWeek) short sessions a week: regular short sessions beat rare long ones."))
        if !timing.contains(.domsGentle) && !timing.contains(.preEventLight) {
            timing.append(.soonAfterLight)
            // Firmer work later in the day only makes sense when the routine allows it.
            if items.contains(where: { $0.pressure > .light }) { timing.append(.laterDeeper) }
        }
        timing.append(.beforeGentle)
        return (SelfMassagePlan(sessionsPerWeek: perWeek, items: items, totalMinutes: minutes(of: items), timing: timing), reasons)
    }

    /// Whole minutes of one session: every item on both legs, with its hold.
    func minutes(of items: [RoutineItem]) -> Int {
        let seconds = items.reduce(0) { $0 + 2 * ($1.seconds + $1.holdSeconds) }
        return (seconds + 59) / 60
    }
}
