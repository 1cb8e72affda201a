import LegCareCore
import Mustache

/// The flat values a handout template can use. Every key is a property here, so a
/// template typo is caught by ``HandoutTemplate`` instead of rendering as nothing.
struct HandoutView {
    struct Step {
        var number: Int
        var area: String
        var tool: String
        var path: String
        var seconds: Int
        var hold: Int
        var pressure: String
    }

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
    }

    init(plan: Plan, profile: ClientProfile, config: ClinicConfig, asOf: Day) {
        let weekStart = asOf.adding(days: -(asOf.weekday - 1))
        clinic = config.clinicName
        clientName = profile.name
        week = asOf.isoWeekName
        weekDates = "\(HandoutWording.date(weekStart)) to \(HandoutWording.date(weekStart.adding(days: 6)))"
        therapist = profile.therapist ?? ""
        hasTherapist = profile.therapist != nil
        team = profile.team ?? ""
        hasTeam = profile.team != nil
        emergency = plan.urgency == .emergency
        callEmergency = config.emergencyNumber.isEmpty ? "call your local emergency number" : "call \(config.emergencyNumber)"
        referred = plan.status == .refer
        if plan.urgency == .emergency {
            referSentence = "Get emergency help now, as above."
        } else if let to = plan.referTo, let urgency = plan.urgency {
            referSentence = HandoutWording.referral(to, urgency)
        } else {
            referSentence = ""
        }
        // The client's own reasons; the clinician's stay in the workbook.
        referWhy = ClientReasons.lines(for: plan.referralRules)
        var avoid = plan.avoid.compactMap(HandoutWording.avoid)
        if !plan.avoidAreas.isEmpty {
            let names = plan.avoidAreas.compactMap { AreaGuide.guide(for: $0)?.label }
            if !names.isEmpty { avoid.insert("No self-massage on: \(names.joined(separator: "; ")).", at: 0) }
        }
        avoidLines = avoid
        hasAvoidLines = !avoid.isEmpty
        let p = plan.professional
        hasSession = p.kind != nil
        sessionKind = p.kind.map(HandoutWording.kind) ?? ""
        sessionMinutes = p.minutes ?? 0
        sessionWhen = p.nextWindow.map(BookingWording.when) ?? ""
        sessionEvery = p.intervalDays ?? 0
        let isoWeek = DayRange(from: weekStart, to: weekStart.adding(days: 6))
        if BookingRequest(plan: plan, profile: profile, week: isoWeek, asOf: asOf, order: 0) != nil {
            bookedSession = BookingWording.marker(interval: sessionEvery)
        } else if let kind = p.kind, let minutes = p.minutes, let window = p.nextWindow {
            bookedSession = BookingWording.notDue(kind: kind, minutes: minutes, window: window, every: sessionEvery)
        } else {
            bookedSession = ""
        }
        tellTherapist = Self.tellTherapist(profile)
        let s = plan.selfMassage
        hasRoutine = !s.items.isEmpty
        perWeek = s.sessionsPerWeek
        totalMinutes = s.totalMinutes
        steps = s.items.enumerated().map { i, item in
            let guide = AreaGuide.guide(for: item.area)
            return Step(
                number: i + 1, area: (guide?.label ?? item.area.rawValue).capitalisedFirst,
                tool: item.tool == .hands ? "your hands" : "a \(item.tool.label)",
                path: guide?.path ?? "", seconds: item.seconds, hold: item.holdSeconds,
                pressure: HandoutWording.pressure(item.pressure))
        }
        timing = s.timing.map(HandoutWording.timing)
        aftercare = plan.aftercare.map(HandoutWording.aftercare)
        redFlags = HandoutWording.redFlags
        contact = config.contactLine
        booking = config.bookingLine
        footer = config.footer
    }

    /// What the client should tell the therapist (domain brief, section 3).
    static func tellTherapist(_ profile: ClientProfile) -> [String] {
        var lines: [String] = []
        if let load = profile.trainingLoad { lines.append("your training load this week (\(load.rawValue))") }
        if !profile.soreAreas.isEmpty {
            let names = profile.soreAreas.map { AreaGuide.guide(for: $0)?.label ?? "lower back" }
            lines.append("where you have been sore: \(names.joined(separator: "; "))")
        }
        if let event = profile.nextEvent { lines.append("your next race or match, on \(HandoutWording.date(event))") }
        lines.append("any recent pains, and ask for mobility drills to repeat at home")
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
        case .number, .area, .tool, .path, .seconds, .hold, .pressure, .dot: return nil
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
    func child(named name: String) -> Any? { Key(rawValue: name).flatMap(value)?.mustache }
}

extension HandoutView.Step: MustacheParent {
    func child(named name: String) -> Any? { HandoutView.Key(rawValue: name).flatMap(value)?.mustache }
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
