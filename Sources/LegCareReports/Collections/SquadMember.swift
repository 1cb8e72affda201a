import LegCareCore
import LegCareRun

/// What the squad sheet, the team pages and the timetable need of one client, kept from
/// the stream until the run's end (a few numbers and names, never the whole plan), on
/// disk in a ``Squad``.
struct SquadMember: Equatable {
    var order: Int
    var clientID: String
    var name: String
    var team: String?
    var status: Status
    var referTo: ReferTo?
    var urgency: Urgency?
    /// The screening flags: for the clinic's Squad sheet only, never the coach's page.
    var flags: [String]
    var attention: Attention?
    /// The load figures, without the wellness means (the sheets do not show them).
    var load: LoadSummary?
    /// The wellness items flagged, as the Squad sheet words them (`sleep red, mood amber`).
    /// Text rather than the scores: the sheets show the words only.
    var wellnessFlags: String
    var pain: Int?
    var nextEvent: Day?

    init(order: Int, plan: Plan, profile: ClientProfile) {
        self.order = order
        clientID = profile.clientID
        name = profile.name
        team = profile.team
        status = plan.status
        referTo = plan.referTo
        urgency = plan.urgency
        flags = plan.flags
        attention = plan.attention
        load = plan.load
        load?.wellness = [:]
        wellnessFlags = TrainingHistory.wellnessItems.compactMap { k in plan.wellness[k]?.flag.map { "\(k) \($0.rawValue)" } }
            .joined(separator: ", ")
        pain = profile.painLevel
        nextEvent = profile.nextEvent
    }

    /// Red first, then amber, then green (or no training data), then input order.
    static func byAttention(_ a: Self, _ b: Self) -> Bool {
        let la = a.attention?.level ?? .green
        let lb = b.attention?.level ?? .green
        return la != lb ? la > lb : a.order < b.order
    }

    /// Writes the member's fields to a record of ``Squad``'s file.
    func write(to r: inout ScratchRecord.Writer) {
        r.put(order)
        r.put(clientID)
        r.put(name)
        r.put(team)
        r.put(UInt8(Status.allCases.firstIndex(of: status)!))
        r.put(referTo) { $0.put(UInt8(ReferTo.allCases.firstIndex(of: $1)!)) }
        r.put(urgency) { $0.put(UInt8(Urgency.allCases.firstIndex(of: $1)!)) }
        r.put(flags)
        r.put(attention) { r, a in
            r.put(UInt8(AttentionLevel.allCases.firstIndex(of: a.level)!))
            r.put(a.reasons)
            r.put(a.wellnessItems)
        }
        r.put(load) { r, l in
            r.put(l.acute)
            r.put(l.chronic)
            for v in [l.acwr, l.monotony, l.strain] { r.put(v) { $0.put($1) } }
        }
        r.put(wellnessFlags)
        r.put(pain) { $0.put($1) }
        r.put(nextEvent) { $0.put($1.serial) }
    }

    /// The member a record of ``write(to:)`` holds.
    init(reading r: inout ScratchRecord.Reader) {
        order = r.int()
        clientID = r.text() ?? ""
        name = r.text() ?? ""
        team = r.text()
        status = Status.allCases[Int(r.u8())]
        referTo = r.optional { ReferTo.allCases[Int($0.u8())] }
        urgency = r.optional { Urgency.allCases[Int($0.u8())] }
        flags = r.texts()
        attention = r.optional { r in
            Attention(level: AttentionLevel.allCases[Int(r.u8())], reasons: r.texts(), wellnessItems: r.texts())
        }
        load = r.optional { r in
            LoadSummary(
                acute: r.double(), chronic: r.double(), acwr: r.optional { $0.double() }, monotony: r.optional { $0.double() },
                strain: r.optional { $0.double() }, wellness: [:])
        }
        wellnessFlags = r.text() ?? ""
        pain = r.optional { $0.int() }
        nextEvent = r.optional { Day(serial: $0.int()) }
    }
}
