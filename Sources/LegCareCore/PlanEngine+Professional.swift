extension PlanEngine {
    /// Kind, interval, length, deep work and the next window for professional sessions.
    func professionalPlan(
        _ profile: ClientProfile, screening: Screening, asOf: Day
    ) -> (ProfessionalPlan, [Reason]) {
        guard screening.status != .refer else {
            return (.none, [Reason(rule: "prof.refer", text: "No professional session is booked until the referral clears the client.")])
        }
        var reasons: [Reason] = []

        // Kind: safety first, then the first matching row of the kind table, then the default.
        let kind: SessionKind
        if screening.gentleOnly || screening.avoid.contains(.deepWork) {
            kind = .gentle
            reasons.append(
                Reason(rule: SessionKindRules.gentleForSafetyID, text: "Screening allows gentle work only, so the session is a gentle one.")
            )
        } else if let row = SessionKindRules.table.first(where: { profile.conditions.contains($0.condition) }) {
            kind = row.kind
            reasons.append(Reason(rule: row.id, text: row.why))
        } else {
            kind = .sports
            reasons.append(
                Reason(rule: SessionKindRules.defaultID, text: "Sports massage (deep strokes, compression, lengthening) is the default."))
        }
        let deep = kind != .gentle

        // Interval: weekly in heavy blocks, every 2-4 weeks for maintenance.
        let interval = profile.trainingLoad.flatMap { settings.intervalDays[$0] } ?? settings.defaultIntervalDays
        let loadWord = profile.trainingLoad.map { "\($0.rawValue) training load" } ?? "no training load given"
        reasons.append(Reason(rule: "prof.interval", text: "Every \(interval) days (\(loadWord))."))

        // Length: the client's choice, else 60 minutes, or 45 for a gentle or easy week.
        let easy = kind == .gentle || (profile.trainingLoad ?? .moderate) <= .light
        let minutes = profile.sessionMinutes ?? (easy ? settings.gentleSessionMinutes : settings.defaultSessionMinutes)
        reasons.append(
            Reason(
                rule: "prof.minutes",
                text: profile.sessionMinutes != nil
                    ? "\(minutes) minutes, as the client prefers." : "\(minutes) minutes\(easy ? " (gentle or easy week)" : "")."))

        let (window, windowReasons) = nextWindow(profile, deep: deep, interval: interval, asOf: asOf)
        reasons += windowReasons
        let plan = ProfessionalPlan(
            kind: kind, intervalDays: interval, minutes: minutes, deepWorkAllowed: deep,
            nextWindow: window)
        return (plan, reasons)
    }

    /// The days for the next session: due after the interval, deep work 48-72 h after a
    /// hard session, never in the 48 h before an event (then after it instead).
    func nextWindow(
        _ profile: ClientProfile, deep: Bool, interval: Int, asOf: Day
    ) -> (DayRange, [Reason]) {
        var reasons: [Reason] = []
        let due = max(asOf, profile.lastMassage.map { $0.adding(days: interval) } ?? asOf)
        var from = due
        var to = due.adding(days: 2)
        if deep, let hard = profile.lastHardSession?.day {
            let early = hard.adding(days: settings.deepWorkFromDays)
            let late = hard.adding(days: settings.deepWorkToDays)
            if late >= due {
                from = max(early, due)
                to = late
                reasons.append(
                    Reason(rule: "prof.window.after_hard_session", text: "Deep work fits 48-72 hours after the hard session of \(hard)."))
            }
        }
        if deep, let event = profile.nextEvent, event.adding(days: 1) >= from {
            let blockedFrom = event.adding(days: -settings.noDeepWorkBeforeEventDays)
            let blockedTo = event.adding(days: 1)
            if from <= blockedTo && to >= blockedFrom {
                if from < blockedFrom {
                    to = blockedFrom.adding(days: -1)
                    reasons.append(
                        Reason(
                            rule: "prof.window.before_event",
                            text: "No deep work in the 48 hours before the event on \(event), so the session comes before \(blockedFrom)."))
                } else {
                    from = event.adding(days: settings.deepWorkFromDays)
                    to = event.adding(days: settings.deepWorkToDays)
                    reasons.append(
                        Reason(
                            rule: "prof.window.after_event",
                            text: "No deep work in the 48 hours before the event on \(event), so the session moves to 48-72 hours after it."
                        ))
                }
            }
        }
        if reasons.isEmpty {
            reasons.append(
                Reason(
                    rule: "prof.window.due",
                    text: profile.lastMassage == nil
                        ? "No previous session on record: book from \(from)."
                        : "Due \(interval) days after the last session on \(profile.lastMassage!): from \(from)."))
        }
        return (DayRange(from: from, to: to), reasons)
    }
}
