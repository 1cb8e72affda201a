import LegCareCore

/// The handout's fixed phrases, one table each, in LegCare's own words.
enum HandoutWording {
    static func whom(_ r: ReferTo) -> String {
        switch r {
        case .physiotherapist: return "a physiotherapist"
        case .chiropractor: return "a chiropractor"
        case .gp: return "your GP"
        case .midwife: return "your midwife or GP"
        case .emergency: return "emergency services"
        }
    }

    /// Whom to see and when, said once: "Please see your GP today, before any massage or
    /// self-massage of the area." (the routine case said "before" twice).
    static func referral(_ to: ReferTo, _ u: Urgency) -> String {
        switch u {
        case .emergency: return "Get emergency help now."
        case .urgent: return "Please see \(whom(to)) today, before any massage or self-massage of the area."
        case .soon: return "Please see \(whom(to)) in the next few days, before any massage or self-massage of the area."
        case .routine: return "Please see \(whom(to)) before your next massage or any self-massage of the area."
        }
    }

    static func avoid(_ a: Avoidance) -> String? {
        switch a.token {
        case "massage": return "No massage, rolling or rubbing anywhere."
        case "rolling": return "No foam rolling or massage tools."
        case "deep_work": return "No deep or hard pressure."
        case "heat": return "No heat (hot packs, hot baths, sauna) on the sore area."
        case "oil": return "No massage oil."
        case "friction": return "No brisk rubbing (friction) on the skin."
        case "tool_pressure_over_bone": return "No tool pressure over bone."
        case "deep_pressure_over_veins": return "No rolling or firm pressure over varicose veins."
        default:
            if a.token.hasPrefix("stretch:"), let area = Area(rawValue: String(a.token.dropFirst(8))) {
                return "Do not stretch your \(AreaGuide.guide(for: area)?.label ?? area.rawValue)."
            }
            if a.token.hasPrefix("deep_work:"), let area = Area(rawValue: String(a.token.dropFirst(10))) {
                return "Only light pressure on your \(AreaGuide.guide(for: area)?.label ?? area.rawValue)."
            }
            return nil
        }
    }

    static func kind(_ k: SessionKind) -> String {
        switch k {
        case .sports: return "a sports massage (deep strokes, compression and lengthening)"
        case .neuromuscular: return "neuromuscular therapy, aimed at knots and trigger points"
        case .myofascial: return "myofascial release, for movement that feels stuck"
        case .structural: return "structural bodywork, for posture and alignment"
        case .gentle: return "a gentle, relaxing massage (such as Swedish)"
        }
    }

    static func pressure(_ p: Pressure) -> String {
        switch p {
        case .light: return "light: easy pressure, no discomfort"
        case .moderate: return "moderate: a 'good pain', never sharp"
        case .firm: return "firm: strong but bearable, at most 7 out of 10"
        }
    }

    static func timing(_ t: RoutineTiming) -> String {
        switch t {
        case .soonAfterLight: return "Within an hour after training: keep it light and slow."
        case .laterDeeper: return "Two to six hours after training is the best time for firmer work."
        case .beforeGentle: return "Before exercise: a short, gentle roll to warm up."
        case .domsGentle: return "You trained hard in the last two days and are sore: gentle work only until the soreness settles."
        case .preEventLight: return "Your event is close: light rolling only, no hard pressure."
        }
    }

    static func aftercare(_ a: Aftercare) -> String {
        switch a {
        case .hydrate: return "Drink water as usual through the day; it is ordinary good advice, not a detox."
        case .gentleMovement: return "Keep moving gently: easy walking and light mobility work."
        case .noIntenseExercise24h:
            return "After a massage, no hard training or heavy lifting for 24 hours. Your muscles may feel tender for a day or two."
        case .heatForTightness: return "For tightness or stiffness, warmth helps (a warm bath or heat pack)."
        case .coldForSoreness: return "For a sore, hot or puffy spot, a cold pack wrapped in a cloth for 10-15 minutes."
        case .sleepPillowKnees:
            return
                "To sleep with sore hamstrings: on your back with a pillow under your knees, or on your side with knees bent and a pillow between them. Not on your stomach."
        }
    }

    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// "Monday 23 November".
    static func date(_ d: Day) -> String {
        let p = d.parts
        return "\(weekdays[d.weekday - 1]) \(p.day) \(months[p.month - 1])"
    }

    /// "Tue 24 Nov".
    static func shortDate(_ d: Day) -> String {
        let p = d.parts
        return "\(weekdays[d.weekday - 1].prefix(3)) \(p.day) \(months[p.month - 1].prefix(3))"
    }

    /// "What is new this week": the changes a client should know (status, referral,
    /// frequency, kind, routine areas), in plain words; none for a new client.
    static func whatsNew(_ changes: [PlanChange], plan: Plan) -> [String] {
        var lines: [String] = []
        // Newly referred: the referral says it all; a list of what stopped would be noise.
        let newlyReferred = plan.status == .refer && changes.contains { $0.kind == .status }
        for c in changes where !newlyReferred || c.kind == .status {
            switch c.kind {
            case .status:
                switch (Status(rawValue: c.before), plan.status) {
                case (_, .refer): lines.append("You now need to be seen before any massage: see BEFORE ANYTHING ELSE above.")
                case (.refer, _): lines.append("You have been cleared to go back to massage and self-massage.")
                case (_, .modified): lines.append("Your plan has been adapted this week: please read the notes below.")
                default: lines.append("Your plan is back to normal this week.")
                }
            case .referTo:
                if let to = plan.referTo, !c.before.isEmpty, let was = ReferTo(rawValue: c.before) {
                    lines.append("You now need to see \(whom(to)) rather than \(whom(was)).")
                }
            case .intervalDays:
                if let now = Int(c.after), let was = Int(c.before) {
                    lines.append("Your massage is now about every \(now) days (it was every \(was) days).")
                }
            case .sessionKind:
                if let now = SessionKind(rawValue: c.after), let was = SessionKind(rawValue: c.before) {
                    lines.append("Your next massage is \(kind(now)), in place of \(kind(was)).")
                }
            case .routine:
                let was = Set(c.before.split(separator: ";").map(String.init))
                let now = Set(c.after.split(separator: ";").map(String.init))
                let label = { (id: String) in Area(rawValue: id).flatMap { AreaGuide.guide(for: $0)?.label } ?? id }
                let added = now.subtracting(was).sorted().map(label)
                let dropped = was.subtracting(now).sorted().map(label)
                if !added.isEmpty { lines.append("New in your routine: \(added.joined(separator: "; ")).") }
                if !dropped.isEmpty { lines.append("No longer in your routine: \(dropped.joined(separator: "; ")).") }
            case .newClient, .gone, .attention: break
            }
        }
        return lines
    }

    /// The red flags every handout lists.
    static let redFlags = [
        "sudden sharp pain, a pop, swelling or bruising",
        "pain that stops you walking or sleeping",
        "one calf or thigh that is painful, swollen, warm or red",
        "breathlessness or chest pain",
        "numbness, tingling or shooting pain down the leg",
        "numbness around the groin or a change in bladder or bowel control",
        "dark urine after hard exercise with severe muscle pain",
        "soreness that gets worse after three days or lasts more than a week",
    ]
}
