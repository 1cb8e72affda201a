/// Something a plan rules out: a technique, a substance, or a technique on one area.
///
/// Written to `plans.jsonl` as its token (`oil`, `deep_work`, `stretch:hamstrings`).
public struct Avoidance: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The token as written in `plans.jsonl`.
    public let token: String

    /// Makes an avoidance from its token.
    public init(_ token: String) { self.token = token }

    public static let oil = Avoidance("oil")
    public static let friction = Avoidance("friction")
    public static let deepWork = Avoidance("deep_work")
    public static let heat = Avoidance("heat")
    public static let rolling = Avoidance("rolling")
    public static let massage = Avoidance("massage")
    public static let toolPressureOverBone = Avoidance("tool_pressure_over_bone")
    public static let deepPressureOverVeins = Avoidance("deep_pressure_over_veins")

    /// No stretching of this area (a strained muscle is never stretched).
    public static func stretch(_ area: Area) -> Avoidance { Avoidance("stretch:\(area.rawValue)") }
    /// No deep or aggressive work on this area.
    public static func deepWork(on area: Area) -> Avoidance { Avoidance("deep_work:\(area.rawValue)") }

    public var description: String { token }
    public static func < (lhs: Avoidance, rhs: Avoidance) -> Bool { lhs.token < rhs.token }
}
