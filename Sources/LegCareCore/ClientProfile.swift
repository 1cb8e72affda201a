/// One validated client row: everything the plan engine may use, nothing it may not.
///
/// Intake builds profiles only from rows that passed validation, so every field here
/// already holds an allowed value.
public struct ClientProfile: Hashable, Sendable {
    public var clientID: String
    public var name: String
    public var dateOfBirth: Day?
    /// The squad, or `nil` for an individual client.
    public var team: String?
    public var therapist: String?
    public var activity: Activity?
    public var occupation: Occupation?
    public var trainingLoad: TrainingLoad?
    public var lastHardSession: Moment?
    public var nextEvent: Day?
    /// Sore areas in the order the client gave them (most bothersome first, by convention).
    public var soreAreas: [Area]
    /// Pain 0-10.
    public var painLevel: Int?
    public var conditions: Set<Condition>
    /// Tools owned; hands are implied.
    public var tools: Set<Tool>
    public var pressure: Pressure?
    public var lastMassage: Day?
    /// Preferred session length: 30, 45, 60 or 90.
    public var sessionMinutes: Int?
    /// The handout's language: a tag LegCare has a catalog for; `nil` is the clinic's.
    /// Only the handout uses it.
    public var language: String?

    /// Makes a profile; only `clientID` and `name` are required.
    public init(
        clientID: String, name: String, dateOfBirth: Day? = nil, team: String? = nil,
        therapist: String? = nil, activity: Activity? = nil, occupation: Occupation? = nil,
        trainingLoad: TrainingLoad? = nil, lastHardSession: Moment? = nil, nextEvent: Day? = nil,
        soreAreas: [Area] = [], painLevel: Int? = nil, conditions: Set<Condition> = [],
        tools: Set<Tool> = [], pressure: Pressure? = nil, lastMassage: Day? = nil,
        sessionMinutes: Int? = nil
    ) {
        self.clientID = clientID
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.team = team
        self.therapist = therapist
        self.activity = activity
        self.occupation = occupation
        self.trainingLoad = trainingLoad
        self.lastHardSession = lastHardSession
        self.nextEvent = nextEvent
        self.soreAreas = soreAreas
        self.painLevel = painLevel
        self.conditions = conditions
        self.tools = tools
        self.pressure = pressure
        self.lastMassage = lastMassage
        self.sessionMinutes = sessionMinutes
    }
}

/// What the size of `clients.csv` says before it is read.
public enum ClientsFile {
    /// The rows a clients file of `bytes` bytes holds, as a low guess: one per 160 bytes.
    ///
    /// Why: a set that outgrows its room holds its old and new tables at once. The guess
    /// stays under the rows of both samples (145 bytes a row in `legcare sample`, 156 in
    /// `Input/`): room past the rows a file has would cost a table up to twice the size,
    /// while a guess too low only leaves the growing as it was.
    public static func expectedRows(bytes: Int) -> Int { max(0, bytes) / 160 }
}
