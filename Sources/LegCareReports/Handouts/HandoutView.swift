import LegCareCore
import Mustache

/// The flat values a handout template can use. Every key is a property here, so a
/// template typo is caught by ``HandoutTemplate`` instead of rendering as nothing.
///
/// A class, as its steps are: rendering fills each message from them, and a struct of
/// this size was copied for every message.
final class HandoutView {
    final class Step {
        let number: Int
        let area: String
        let tool: String
        let path: String
        let seconds: Int
        let hold: Int
        let pressure: String
        /// The language, for a template that swift-mustache renders (`{{msg.routine.time}}` in a step).
        let words: HandoutWording

        init(number: Int, area: String, tool: String, path: String, seconds: Int, hold: Int, pressure: String, words: HandoutWording) {
            (self.number, self.area, self.tool, self.path) = (number, area, tool, path)
            (self.seconds, self.hold, self.pressure, self.words) = (seconds, hold, pressure, words)
        }
    }

    /// The client's language: every sentence of the handout, `{{msg.<key>}}` in a template.
    var words: HandoutWording

    var clinic: String
    var clientName: String
    var week: String
    var weekDates: String
    var therapist: String
    var hasTherapist: Bool
    var team: String
    var hasTeam: Bool
    var emergency: Bool
    /// "call 999", or "call your local emergency number" when the clinic set none.
    var callEmergency: String
    var referred: Bool
    var referSentence: String
    var referWhy: [String]
    var avoidLines: [String]
    var hasAvoidLines: Bool
    var hasSession: Bool
    var sessionKind: String
    var sessionMinutes: Int
    var sessionWhen: String
    var sessionEvery: Int
    /// The next massage: when to book it, or (due this week) a marker for the booked day.
    var bookedSession: String
    var tellTherapist: [String]
    var hasRoutine: Bool
    var perWeek: Int
    var totalMinutes: Int
    var steps: [Step]
    var timing: [String]
    var aftercare: [String]
    var redFlags: [String]
    var contact: String
    var booking: String
    var footer: String
    /// What changed since last week that the client should know (empty: no section).
    var whatsNew: [String] = []

    /// Keys a template may name: the properties above, and those of a step.
    static let keys: Set<String> = Set(Key.allCases.map(\.rawValue))

    /// A key a template may name, resolved once when the template is compiled.
    enum Key: String, CaseIterable, Sendable {
        case clinic, clientName, week, weekDates, therapist, hasTherapist, team, hasTeam
        case emergency, callEmergency, referred, referSentence, referWhy, avoidLines, hasAvoidLines
        case hasSession, sessionKind, sessionMinutes, sessionWhen, sessionEvery, bookedSession
        case tellTherapist, hasRoutine, perWeek, totalMinutes, steps, timing
        case aftercare, redFlags, contact, booking, footer, whatsNew, hasWhatsNew
        // A step's own keys.
        case number, area, tool, path, seconds, hold, pressure
        case dot = "."
        /// `{{msg.<key>}}`: a message of the client's catalog.
        case msg
    }

    init(plan: Plan, profile: ClientProfile, config: ClinicConfig, asOf: Day, words: HandoutWording) {
        let weekStart = asOf.adding(days: -(asOf.weekday - 1))
        self.words = words
        clinic = config.clinicName
        clientName = profile.name
        week = asOf.isoWeekName
        weekDates = words.weekDates(weekStart)
        therapist = profile.therapist ?? ""
        hasTherapist = profile.therapist != nil
        team = profile.team ?? ""
        hasTeam = profile.team != nil
        emergency = plan.urgency == .emergency
        callEmergency = words.callEmergency(config.emergencyNumber)
        referred = plan.status == .refer
        if plan.urgency == .emergency {
            referSentence = words.text(.referralEmergency)
        } else if let to = plan.referTo, let urgency = plan.urgency {
            referSentence = words.referral(to, urgency)
        } else {
            referSentence = ""
        }
        // The client's own reasons; the clinician's stay in the workbook.
        referWhy = words.reasons(for: plan.referralRules)
        var avoid = plan.avoid.compactMap(words.avoid)
        if let areas = words.areasToAvoid(plan.avoidAreas) { avoid.insert(areas, at: 0) }
        avoidLines = avoid
        hasAvoidLines = !avoid.isEmpty
        let p = plan.professional
        hasSession = p.kind != nil
        sessionKind = p.kind.map(words.kind) ?? ""
        sessionMinutes = p.minutes ?? 0
        let when = p.nextWindow.map { BookingWording.when($0, words: words) }
        sessionWhen = when ?? ""
        sessionEvery = p.intervalDays ?? 0
        let isoWeek = DayRange(from: weekStart, to: weekStart.adding(days: 6))
        if BookingRequest(plan: plan, profile: profile, week: isoWeek, asOf: asOf, order: 0) != nil {
            bookedSession = BookingWording.marker(interval: sessionEvery, language: words.catalog.language)
        } else if let kind = p.kind, let minutes = p.minutes, p.nextWindow != nil {
            bookedSession = BookingWording.notDue(kind: kind, minutes: minutes, when: when ?? "", every: sessionEvery, words: words)
        } else {
            bookedSession = ""
        }
        tellTherapist = Self.tellTherapist(profile, words: words)
        let s = plan.selfMassage
        hasRoutine = !s.items.isEmpty
        perWeek = s.sessionsPerWeek
        totalMinutes = s.totalMinutes
        steps = s.items.enumerated().map { i, item in
            Step(
                number: i + 1, area: words.label(item.area).capitalisedFirst, tool: words.tool(item.tool),
                path: AreaGuide.guide(for: item.area) == nil ? "" : words.path(item.area), seconds: item.seconds,
                hold: item.holdSeconds, pressure: words.pressure(item.pressure), words: words)
        }
        timing = s.timing.map(words.timing)
        aftercare = plan.aftercare.map(words.aftercare)
        redFlags = words.redFlags
        contact = config.contactLine
        booking = config.bookingLine
        footer = config.footer
    }

    /// What the client should tell the therapist (domain brief, section 3).
    static func tellTherapist(_ profile: ClientProfile, words: HandoutWording) -> [String] {
        var lines: [String] = []
        if let load = profile.trainingLoad { lines.append(words.load(load)) }
        if !profile.soreAreas.isEmpty {
            lines.append(words.say(.tellSore, ["areas": .text(profile.soreAreas.map(words.label).joined(separator: "; "))]))
        }
        if let event = profile.nextEvent { lines.append(words.say(.tellEvent, ["date": .text(words.date(event))])) }
        lines.append(words.text(.tellPains))
        return lines
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

// The compiled template's lookup: the same keys as `child(named:)` below, as typed values.
extension HandoutView {
    func value(_ key: Key) -> CompiledTemplate.Value? {
        switch key {
        case .clinic: return .text(clinic)
        case .clientName: return .text(clientName)
        case .week: return .text(week)
        case .weekDates: return .text(weekDates)
        case .therapist: return .text(therapist)
        case .hasTherapist: return .flag(hasTherapist)
        case .team: return .text(team)
        case .hasTeam: return .flag(hasTeam)
        case .emergency: return .flag(emergency)
        case .callEmergency: return .text(callEmergency)
        case .referred: return .flag(referred)
        case .referSentence: return .text(referSentence)
        case .referWhy: return .texts(referWhy)
        case .avoidLines: return .texts(avoidLines)
        case .hasAvoidLines: return .flag(hasAvoidLines)
        case .hasSession: return .flag(hasSession)
        case .sessionKind: return .text(sessionKind)
        case .sessionMinutes: return .number(sessionMinutes)
        case .sessionWhen: return .text(sessionWhen)
        case .sessionEvery: return .number(sessionEvery)
        case .bookedSession: return .text(bookedSession)
        case .tellTherapist: return .texts(tellTherapist)
        case .hasRoutine: return .flag(hasRoutine)
        case .perWeek: return .number(perWeek)
        case .totalMinutes: return .number(totalMinutes)
        case .steps: return .steps(steps)
        case .timing: return .texts(timing)
        case .aftercare: return .texts(aftercare)
        case .redFlags: return .texts(redFlags)
        case .contact: return .text(contact)
        case .booking: return .text(booking)
        case .footer: return .text(footer)
        case .whatsNew: return .texts(whatsNew)
        case .hasWhatsNew: return .flag(!whatsNew.isEmpty)
        case .number, .area, .tool, .path, .seconds, .hold, .pressure, .dot, .msg: return nil
        }
    }
}

extension HandoutView.Step {
    func value(_ key: HandoutView.Key) -> CompiledTemplate.Value? {
        switch key {
        case .number: return .number(number)
        case .area: return .text(area)
        case .tool: return .text(tool)
        case .path: return .text(path)
        case .seconds: return .number(seconds)
        case .hold: return .number(hold)
        case .pressure: return .text(pressure)
        default: return nil
        }
    }
}

// Direct key lookup instead of Mirror reflection, which was most of a handout's cost.
extension HandoutView: MustacheParent {
    func child(named name: String) -> Any? {
        if name == "msg" { return MessageScope(words: words, prefix: "") { self.value($0) } }
        return Key(rawValue: name).flatMap(value)?.mustache
    }
}

extension HandoutView.Step: MustacheParent {
    func child(named name: String) -> Any? {
        if name == "msg" { return MessageScope(words: words, prefix: "") { self.value($0) } }
        return HandoutView.Key(rawValue: name).flatMap(value)?.mustache
    }
}

/// `msg.<key>` for swift-mustache, which resolves a dotted name one part at a time: the
/// parts so far, and the message once they name one.
struct MessageScope: MustacheParent {
    let words: HandoutWording
    let prefix: String
    let value: (HandoutView.Key) -> CompiledTemplate.Value?

    func child(named name: String) -> Any? {
        let key = prefix + name
        if words.catalog.has(key) {
            var out: [UInt8] = []
            words.catalog.say(key, into: &out) { _, k in k.flatMap(value) }
            return String(decoding: out, as: UTF8.self)
        }
        return MessageScope(words: words, prefix: key + ".", value: value)
    }
}

extension CompiledTemplate.Value {
    /// The same value as swift-mustache wants it (for templates it renders instead).
    var mustache: Any {
        switch self {
        case .text(let s): return s
        case .number(let n): return n
        case .flag(let b): return b
        case .step(let step): return step
        case .texts(let items): return items
        case .steps(let items): return items
        }
    }
}
