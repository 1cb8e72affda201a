/// How to work one area by yourself: the tools that suit it, in order of preference,
/// where to start and stop, and any pressure limit (domain brief, sections 1 and 4).
public struct AreaGuide: Sendable {
    public let area: Area
    /// Plain name for a handout ("calves").
    public let label: String
    /// Tools that suit the area, best first; `hands` always closes the list.
    public let tools: [Tool]
    /// Where to start and stop, and how to move, in the handout's own words.
    public let path: String
    /// The area never gets more than this pressure from self-massage.
    public let pressureCap: Pressure?
    /// Extra areas worked when this area is sore (IT band soreness brings glute/TFL work).
    public let bringsIn: [Area]
    /// Rule id for the choice of tools on this area.
    public var ruleID: String { "selfmassage.area.\(area.rawValue)" }

    /// One row per area that self-massage can name.
    public static let table: [AreaGuide] = [
        AreaGuide(
            area: .calves, label: "calves", tools: [.foamRoller, .massageStick, .hands],
            path:
                "From just above the ankle to just below the knee. On a roller, turn the leg in and out to reach both sides, and cross the other leg on top for more pressure; with a stick or thumbs, work up from the Achilles.",
            pressureCap: nil, bringsIn: []),
        AreaGuide(
            area: .hamstrings, label: "hamstrings (back of the thigh)",
            tools: [.foamRoller, .massageStick, .hands],
            path: "From just below the buttock to just above the back of the knee. Rotate a little to reach the inner and outer edges.",
            pressureCap: nil, bringsIn: []),
        AreaGuide(
            area: .quadriceps, label: "quadriceps (front of the thigh)",
            tools: [.foamRoller, .massageStick, .hands],
            path:
                "From just above the kneecap to just below the hip bone (face down on a roller, or seated with a stick or your hands). Rotate a little to reach the inner and outer parts.",
            pressureCap: nil, bringsIn: []),
        AreaGuide(
            area: .adductors, label: "inner thigh", tools: [.foamRoller, .hands],
            path:
                "The inner thigh, from just above the inner knee towards the groin, stopping well short of it (on a roller: face down with the leg out to the side).",
            pressureCap: nil, bringsIn: []),
        AreaGuide(
            area: .glutes, label: "glutes and hip (including the TFL at the front of the hip)",
            tools: [.massageBall, .spikyBall, .foamRoller, .hands],
            path:
                "The fleshy part of the buttock and the side of the hip, below the hip bone. On a roller or ball, sit and lean to one side (a ball reaches the deep piriformis); with hands, use your knuckles or thumbs.",
            pressureCap: nil, bringsIn: []),
        AreaGuide(
            area: .itBand, label: "outside of the thigh (IT band)",
            tools: [.foamRoller, .massageStick, .hands],
            path:
                "Lying on your side, from just below the hip to just above the knee, slowly and cautiously; most of the relief comes from the glute and TFL work above it.",
            pressureCap: .light, bringsIn: [.glutes]),
        AreaGuide(
            area: .shins, label: "front of the shin", tools: [.massageStick, .hands],
            path: "Just outside the shin bone, from above the ankle to below the knee. Keep to the muscle; never press on the bone itself.",
            pressureCap: .light, bringsIn: []),
        AreaGuide(
            area: .hipFlexors, label: "front of the hip (hip flexors)",
            tools: [.massageBall, .spikyBall, .hands],
            path:
                "Just inside and below the bony point at the front of the hip, keeping off the bone (with a ball: face down, the ball under that spot). Breathe slowly.",
            pressureCap: nil, bringsIn: []),
        AreaGuide(
            area: .plantarFascia, label: "sole of the foot", tools: [.spikyBall, .massageBall, .hands],
            path:
                "From the heel to the ball of the foot: roll a ball under the foot, seated or standing, or press along the arch with your thumbs.",
            pressureCap: nil, bringsIn: []),
    ]

    /// The guide for an area; `nil` for `lower_back`, which no item works directly.
    public static func guide(for area: Area) -> AreaGuide? { table.first { $0.area == area } }
}

/// The areas a maintenance routine covers when the client names no sore area,
/// by activity and occupation (domain brief, sections 1, 4 and 6).
public enum MaintenanceAreas {
    /// Rule id for the maintenance routine choice.
    public static let ruleID = "selfmassage.maintenance"

    /// Areas for an activity, most useful first.
    public static func areas(for activity: Activity?, occupation: Occupation?) -> [Area] {
        var areas: [Area]
        switch activity {
        case .known(.running), .known(.athletics), .known(.triathlon):
            areas = [.calves, .hamstrings, .quadriceps, .glutes, .plantarFascia]
        case .known(.cycling):
            areas = [.quadriceps, .hipFlexors, .glutes, .calves]
        case .known(.football), .known(.rugby), .known(.hockey), .known(.netball), .known(.tennis):
            areas = [.hamstrings, .quadriceps, .calves, .adductors, .glutes]
        case .known(.gym):
            areas = [.quadriceps, .hamstrings, .glutes, .calves]
        case .known(.walking):
            areas = [.calves, .plantarFascia, .hamstrings]
        default:
            areas = [.hamstrings, .calves, .quadriceps]
        }
        switch occupation {
        case .desk: areas = [.hamstrings, .hipFlexors, .glutes] + areas
        case .standing, .manual: areas = [.calves, .plantarFascia] + areas
        default: break
        }
        var seen = Set<Area>()
        return areas.filter { seen.insert($0).inserted }
    }
}

/// Sore `lower_back` is not worked directly: tight hamstrings and glutes go with it
/// (domain brief, section 6), so those are worked instead.
public enum LowerBackSubstitute {
    public static let ruleID = "selfmassage.lower_back"
    public static let areas: [Area] = [.hamstrings, .glutes]
}
