import LegCareCore
import Synchronization

/// The handout's phrases in one language: each is a message of the language's catalog
/// (``HandoutCatalog``), filled in here with the plan's values.
///
/// Built once per language when the catalogs load: the phrases without placeholders are
/// looked up and rendered then, so a handout indexes tables instead of rendering messages
/// (they were most of a handout's cost; docs/performance.md).
final class HandoutWording: Sendable {
    let catalog: HandoutCatalog
    /// The catalog's plural rule, kept here: reaching it through the catalog copied the catalog.
    let rule: PluralRule
    /// The catalog's language tag.
    let language: String
    /// ``Message``s by their raw value, and each rendered when it has no placeholders.
    let messages: [CatalogMessage]
    let texts: [String]
    private let avoidTexts: [String: String]
    private let whoms: [ReferTo: String]
    private let kinds: [SessionKind: String]
    private let pressures: [Pressure: String]
    private let timings: [RoutineTiming: String]
    private let aftercares: [Aftercare: String]
    private let labels: [Area: String]
    private let paths: [Area: String]
    private let tools: [Tool: String]
    private let loads: [TrainingLoad: String]
    private let reasonLines: [Condition: String]
    private let weekdays: [String]
    private let months: [String]
    /// The red flags every handout lists.
    let redFlags: [String]
    /// Days, weeks and booking windows written once: a run's handouts name the same few
    /// weeks of days (``written(_:_:)``).
    private let written = Mutex<[Written: String]>([:])

    /// What ``written(_:_:)`` keeps: a day, a week from its first day, or a booking window.
    enum Written: Hashable {
        case day(Int)
        case week(Int)
        case window(Int, Int)
    }
    /// The emergency line for the last number asked: the same for the whole run.
    private let calling = Mutex<(number: String, text: String)?>(nil)

    init(catalog: HandoutCatalog) {
        self.catalog = catalog
        rule = catalog.rule
        language = catalog.language
        var constant: [String: String] = [:]
        for key in catalog.keys where catalog.messages[key]!.placeholders.isEmpty { constant[key] = catalog.say(key) }
        let empty = try! CatalogMessage(parsing: "")
        messages = Message.allCases.map { catalog.messages[$0.key] ?? empty }
        texts = Message.allCases.map { constant[$0.key] ?? "" }
        avoidTexts = Dictionary(
            uniqueKeysWithValues: [
                "massage", "rolling", "deep_work", "heat", "oil", "friction", "tool_pressure_over_bone", "deep_pressure_over_veins",
            ]
            .compactMap { token in constant["avoid.\(token)"].map { (token, $0) } })
        func table<T: Hashable>(_ cases: [T], _ key: (T) -> String) -> [T: String] {
            Dictionary(uniqueKeysWithValues: cases.compactMap { c in constant[key(c)].map { (c, $0) } })
        }
        whoms = table(ReferTo.allCases) { "whom.\($0.rawValue)" }
        kinds = table(SessionKind.allCases) { "kind.\($0.rawValue)" }
        pressures = table(Pressure.allCases) { "pressure.\($0.rawValue)" }
        timings = table(RoutineTiming.allCases) { "timing.\($0.rawValue)" }
        aftercares = table(Aftercare.allCases) { "aftercare.\($0.rawValue)" }
        labels = table(Area.allCases) { "area.\($0.rawValue)" }
        paths = table(Area.allCases) { "area.\($0.rawValue).path" }
        tools = table(Tool.allCases) { "tool.\($0.rawValue)" }
        loads = table(TrainingLoad.allCases) { "tell.load.\($0.rawValue)" }
        reasonLines = table(Condition.allCases) { "reason.\($0.rawValue)" }
        weekdays = (1...7).map { constant["weekday.\($0)"] ?? "" }
        months = (1...12).map { constant["month.\($0)"] ?? "" }
        redFlags = (1...8).map { constant["red_flag.\($0)"] ?? "" }
    }

    func whom(_ r: ReferTo) -> String { whoms[r] ?? "" }

    /// Whom to see and when, said once.
    func referral(_ to: ReferTo, _ u: Urgency) -> String {
        switch u {
        case .emergency: return text(.referralEmergency)
        case .urgent: return say(.referralUrgent, ["whom": .text(whom(to))])
        case .soon: return say(.referralSoon, ["whom": .text(whom(to))])
        case .routine: return say(.referralRoutine, ["whom": .text(whom(to))])
        }
    }

    /// "call 999", or "call your local emergency number" when the clinic set none.
    func callEmergency(_ number: String) -> String {
        if let last = calling.withLock({ $0 }), last.number == number { return last.text }
        let text = number.isEmpty ? text(.callLocal) : say(.callNumber, ["number": .text(number)])
        calling.withLock { $0 = (number, text) }
        return text
    }

    /// The text for `key`, made by `make` the first time it is asked for.
    func written(_ key: Written, _ make: () -> String) -> String {
        if let known = written.withLock({ $0[key] }) { return known }
        let text = make()
        written.withLock { $0[key] = text }
        return text
    }

    /// "Monday 23 November to Sunday 29 November".
    func weekDates(_ start: Day) -> String {
        written(.week(start.serial)) { say(.weekDates, ["from": .text(date(start)), "to": .text(date(start.adding(days: 6)))]) }
    }

    func avoid(_ a: Avoidance) -> String? {
        if let text = avoidTexts[a.token] { return text }
        if a.token.hasPrefix("stretch:"), let area = Area(rawValue: String(a.token.dropFirst(8))) {
            return say(.avoidStretch, ["area": .text(label(area))])
        }
        if a.token.hasPrefix("deep_work:"), let area = Area(rawValue: String(a.token.dropFirst(10))) {
            return say(.avoidLightOnly, ["area": .text(label(area))])
        }
        return nil
    }

    func areasToAvoid(_ areas: [Area]) -> String? {
        let names = areas.filter { AreaGuide.guide(for: $0) != nil }.map(label)
        return names.isEmpty ? nil : say(.avoidAreas, ["areas": .text(names.joined(separator: "; "))])
    }

    func kind(_ k: SessionKind) -> String { kinds[k] ?? "" }
    func pressure(_ p: Pressure) -> String { pressures[p] ?? "" }
    func timing(_ t: RoutineTiming) -> String { timings[t] ?? "" }
    func aftercare(_ a: Aftercare) -> String { aftercares[a] ?? "" }
    func label(_ area: Area) -> String { labels[area] ?? area.rawValue }
    func path(_ area: Area) -> String { paths[area] ?? "" }
    /// "with a foam roller": the whole phrase, as a language's grammar needs it.
    func tool(_ t: Tool) -> String { tools[t] ?? "" }
    /// "your training load this week (heavy)".
    func load(_ l: TrainingLoad) -> String { loads[l] ?? "" }

    /// "Monday 23 November".
    func date(_ d: Day) -> String { written(.day(d.serial)) { write(d) } }

    private func write(_ d: Day) -> String {
        let p = d.parts
        return say(.date, ["weekday": .text(weekdays[d.weekday - 1]), "day": .number(p.day), "month": .text(months[p.month - 1])])
    }

    /// The client's lines for a plan's referral rules (`screen.<condition>` ids), in order.
    func reasons(for rules: [String]) -> [String] {
        rules.compactMap { id in
            guard id.hasPrefix("screen."), let condition = Condition(rawValue: String(id.dropFirst(7))) else { return nil }
            return reasonLines[condition]
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
                case (_, .refer): lines.append(text(.newNowReferred))
                case (.refer, _): lines.append(text(.newCleared))
                case (_, .modified): lines.append(text(.newModified))
                default: lines.append(text(.newNormal))
                }
            case .referTo:
                if let to = plan.referTo, !c.before.isEmpty, let was = ReferTo(rawValue: c.before) {
                    lines.append(say(.newReferTo, ["now": .text(whom(to)), "was": .text(whom(was))]))
                }
            case .intervalDays:
                if let now = Int(c.after), let was = Int(c.before) {
                    lines.append(say(.newInterval, ["now": .number(now), "was": .number(was)]))
                }
            case .sessionKind:
                if let now = SessionKind(rawValue: c.after), let was = SessionKind(rawValue: c.before) {
                    lines.append(say(.newKind, ["now": .text(kind(now)), "was": .text(kind(was))]))
                }
            case .routine:
                let was = Set(c.before.split(separator: ";").map(String.init))
                let now = Set(c.after.split(separator: ";").map(String.init))
                let name = { (id: String) in Area(rawValue: id).map(self.label) ?? id }
                let added = now.subtracting(was).sorted().map(name)
                let dropped = was.subtracting(now).sorted().map(name)
                if !added.isEmpty { lines.append(say(.newAdded, ["areas": .text(added.joined(separator: "; "))])) }
                if !dropped.isEmpty { lines.append(say(.newDropped, ["areas": .text(dropped.joined(separator: "; "))])) }
            case .newClient, .gone, .attention: break
            }
        }
        return lines
    }
}
