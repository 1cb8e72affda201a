extension PlanEngine {
    /// Aftercare codes, chosen by the plan (no heat on a fresh injury, no stretching of a strain).
    func aftercarePlan(
        _ profile: ClientProfile, screening: Screening, professional: ProfessionalPlan
    ) -> ([Aftercare], [Reason]) {
        var codes: [Aftercare] = [.hydrate]
        var reasons: [Reason] = []
        let urgent = (screening.urgency ?? .routine) >= .urgent
        let limitsWalking = profile.conditions.contains(.painLimitsWalking)
        if !urgent && !limitsWalking {
            codes.append(.gentleMovement)
        }
        if professional.kind != nil {
            codes.append(.noIntenseExercise24h)
            reasons.append(
                Reason(
                    rule: "aftercare.no_intense_24h",
                    text: "No intense exercise or heavy lifting for 24 hours after the session; tissue may feel tender for a day or two."))
        }
        if screening.freshInjury || screening.avoid.contains(.heat) {
            reasons.append(
                Reason(rule: "aftercare.no_heat_fresh_injury", text: "No heat: a fresh injury or inflamed area is made worse by it."))
        } else if !urgent {
            codes.append(.heatForTightness)
        }
        if !urgent && (!profile.soreAreas.isEmpty || profile.trainingLoad == .heavy) {
            codes.append(.coldForSoreness)
        }
        let hamstringIssue =
            profile.soreAreas.contains(.hamstrings)
            || !profile.conditions.isDisjoint(with: [.hamstringStrain, .hamstringTear, .hamstringStrainHistory])
        if hamstringIssue {
            codes.append(.sleepPillowKnees)
            reasons.append(
                Reason(
                    rule: "aftercare.sleep_pillow_knees",
                    text: "Hamstrings: sleep on the back with a pillow under the knees, or on the side with a pillow between them."))
        }
        if screening.avoid.contains(where: { $0.token.hasPrefix("stretch:") }) {
            reasons.append(Reason(rule: "aftercare.no_stretch_strain", text: "No stretching of the strained muscle; gentle walking only."))
        }
        return (codes, reasons)
    }

    /// Soft flags from training load: attention, never a diagnosis or a clearance.
    func loadFlags(_ load: LoadSummary) -> [Reason] {
        var reasons: [Reason] = []
        if let acwr = load.acwr, acwr > settings.acwrSpike {
            reasons.append(
                Reason(
                    rule: "load.acwr_spike",
                    text:
                        "Load spike: last week's load is \(acwr) times the 4-week average (above \(settings.acwrSpike)); plan recovery with care."
                ))
        }
        if let m = load.monotony, m > settings.monotonyHigh {
            reasons.append(
                Reason(
                    rule: "load.monotony_high",
                    text: "Training monotony \(m) is above \(settings.monotonyHigh): little variation between hard and easy days."))
        }
        return reasons
    }
}
