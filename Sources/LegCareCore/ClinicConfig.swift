/// Who the handouts come from, who works this week, and any thresholds the clinic changed.
public struct ClinicConfig: Sendable, Equatable {
    /// A therapist and their hours available this week.
    public struct Therapist: Sendable, Equatable {
        public var name: String
        public var hoursAvailable: Double
        /// ISO weekdays worked (1 = Monday); the hours are spread evenly over them.
        public var days: [Int]
        public init(name: String, hoursAvailable: Double, days: [Int] = [1, 2, 3, 4, 5]) {
            self.name = name
            self.hoursAvailable = hoursAvailable
            self.days = days
        }

        /// Whole minutes available on one working day: the week's hours over its days.
        public var minutesPerDay: Int {
            days.isEmpty ? 0 : Int((hoursAvailable * 60 / Double(days.count)).rounded(.down))
        }
    }

    public var clinicName = "Your clinic"
    public var contactLine = ""
    public var bookingLine = ""
    public var footer = ""
    /// The number a handout tells a client to call in an emergency (`999`, `112`, `911`);
    /// empty: the handout says "your local emergency number".
    public var emergencyNumber = ""
    /// ISO weekday the clinic's week starts on (1 = Monday).
    public var weekStart = 1
    public var therapists: [Therapist] = []
    /// A folder holding the clinic's own `handout.mustache`, when set.
    public var templateFolder: String?
    public var settings = EngineSettings()
    /// How the clinic's own exports are read.
    public var input = InputFormat()
    /// The clinic's handout language (BCP 47), `en` unless set.
    public var language = "en"

    /// Neutral defaults, used when there is no `clinic.yaml`.
    public init() {}
}
