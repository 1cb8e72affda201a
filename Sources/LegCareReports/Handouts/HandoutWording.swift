import LegCareCore

/// The handout's phrases in one language: each is a message of the language's catalog
/// (``HandoutCatalog``), filled in here with the plan's values.
struct HandoutWording: Sendable {
    let catalog: HandoutCatalog

    func say(_ key: String, _ args: KeyValuePairs<String, CompiledTemplate.Value> = [:]) -> String { catalog.say(key, args) }

    func whom(_ r: ReferTo) -> String { say("whom.\(r.rawValue)") }

    /// Whom to see and when, said once.
    func referral(_ to: ReferTo, _ u: Urgency) -> String { say("referral.\(u.rawValue)", ["whom": .text(whom(to))]) }

    /// "call 999", or "call your local emergency number" when the clinic set none.
    func callEmergency(_ number: String) -> String { number.isEmpty ? say("call.local") : say("call.number", ["number": .text(number)]) }

    func avoid(_ a: Avoidance) -> String? {
        switch a.token {
        case "massage", "rolling", "deep_work", "heat", "oil", "friction", "tool_pressure_over_bone", "deep_pressure_over_veins":
            return say("avoid.\(a.token)")
        default:
            if a.token.hasPrefix("stretch:"), let area = Area(rawValue: String(a.token.dropFirst(8))) {
                return say("avoid.stretch", ["area": .text(label(area))])
            }
            if a.token.hasPrefix("deep_work:"), let area = Area(rawValue: String(a.token.dropFirst(10))) {
                return say("avoid.light_only", ["area": .text(label(area))])
            }
            return nil
        }
    }

    func areasToAvoid(_ areas: [Area]) -> String? {
        let names = areas.filter { AreaGuide.guide(for: $0) != nil }.map(label)
        return names.isEmpty ? nil : say("avoid.areas", ["areas": .text(names.joined(separator: "; "))])
    }

    func kind(_ k: SessionKind) -> String { say("kind.\(k.rawValue)") }
    func pressure(_ p: Pressure) -> String { say("pressure.\(p.rawValue)") }
    func timing(_ t: RoutineTiming) -> String { say("timing.\(t.rawValue)") }
    func aftercare(_ a: Aftercare) -> String { say("aftercare.\(a.rawValue)") }
    func label(_ area: Area) -> String { say("area.\(area.rawValue)") }
    func path(_ area: Area) -> String { say("area.\(area.rawValue).path") }
    /// "with a foam roller": the whole phrase, as a language's grammar needs it.
    func tool(_ t: Tool) -> String { say("tool.\(t.rawValue)") }

    /// "Monday 23 November".
    func date(_ d: Day) -> String {
        let p = d.parts
        return say(
            "date", ["weekday": .text(say("weekday.\(d.weekday)")), "day": .number(p.day), "month": .text(say("month.\(p.month)"))])
    }

    /// The client's lines for a plan's referral rules (`screen.<condition>` ids), in order.
    func reasons(for rules: [String]) -> [String] {
        rules.compactMap { id in
            guard id.hasPrefix("screen."), let condition = Condition(rawValue: String(id.dropFirst(7))) else { return nil }
            let key = "reason.\(condition.rawValue)"
            return catalog.has(key) ? say(key) : nil
        }
    }

    /// "What is new this week": the changes a client should know (status, referral,
    /// frequency, kind, routine areas), in plain words; none for a new client.
    func whatsNew(_ changes: [PlanChange], plan: Plan) -> [String] {
        var lines: [String] = []
        // Newly referred: the referral says it all; a list of what stopped would be noise.
        let newlyReferred = plan.status == .refer && changes.contains { $0.kind == .status }
        for c in changes where !newlyReferred || c.kind == .status {
            switch c.kind {
            case .status:
                switch (Status(rawValue: c.before), plan.status) {
                case (_, .refer): lines.append(say("new.now_referred"))
                case (.refer, _): lines.append(say("new.cleared"))
                case (_, .modified): lines.append(say("new.modified"))
                default: lines.append(say("new.normal"))
                }
            case .referTo:
                if let to = plan.referTo, !c.before.isEmpty, let was = ReferTo(rawValue: c.before) {
                    lines.append(say("new.refer_to", ["now": .text(whom(to)), "was": .text(whom(was))]))
                }
            case .intervalDays:
                if let now = Int(c.after), let was = Int(c.before) {
                    lines.append(say("new.interval", ["now": .number(now), "was": .number(was)]))
                }
            case .sessionKind:
                if let now = SessionKind(rawValue: c.after), let was = SessionKind(rawValue: c.before) {
                    lines.append(say("new.kind", ["now": .text(kind(now)), "was": .text(kind(was))]))
                }
            case .routine:
                let was = Set(c.before.split(separator: ";").map(String.init))
                let now = Set(c.after.split(separator: ";").map(String.init))
                let name = { (id: String) in Area(rawValue: id).map(label) ?? id }
                let added = now.subtracting(was).sorted().map(name)
                let dropped = was.subtracting(now).sorted().map(name)
                if !added.isEmpty { lines.append(say("new.added", ["areas": .text(added.joined(separator: "; "))])) }
                if !dropped.isEmpty { lines.append(say("new.dropped", ["areas": .text(dropped.joined(separator: "; "))])) }
            case .newClient, .gone, .attention: break
            }
        }
        return lines
    }

    /// The red flags every handout lists.
    var redFlags: [String] { (1...8).map { say("red_flag.\($0)") } }
}
