/// Who the handouts come from, who works this week, and any thresholds the clinic changed.
public struct ClinicConfig: Sendable, Equatable {
    /// A therapist and their hours available this week.
    public struct Therapist: Sendable, Equatable {
        public var name: String
        public var hoursAvailable: Double
        public init(name: String, hoursAvailable: Double) {
            self.name = name
            self.hoursAvailable = hoursAvailable
        }
    }

    public var clinicName = "Your clinic"
    public var contactLine = ""
    public var bookingLine = ""
    public var footer = ""
    /// ISO weekday the clinic's week starts on (1 = Monday).
    public var weekStart = 1
    public var therapists: [Therapist] = []
    /// A folder holding the clinic's own `handout.mustache`, when set.
    public var templateFolder: String?
    public var settings = EngineSettings()

    /// Neutral defaults, used when there is no `clinic.yaml`.
    public init() {}
}
