import LegCareCore
import LegCareRun

/// The run's squad members (on a team, or with attention from training rows), kept on
/// disk from the stream to the run's end, for the Squad sheet, the team pages and the
/// Overview's attention counts. Memory holds a key per member (where its record lies, its
/// input order, team and level: 32 bytes); the member comes back from the file when a
/// sheet or page reaches it.
///
/// Why: members held in memory would live through both of a large run's memory peaks
/// (docs/performance.md); a member costs a write and a read.
///
/// The file is a ``ScratchRows``: in the run's staging folder, unlinked at once.
///
/// ```swift
/// let squad = try Squad(folder: staging)
/// try squad.add(member)                       // during the stream, in input order
/// try squad.seal()                            // once, after the stream
/// try squad.forEachAthlete { member in ... }  // after sealing, from any thread
/// try squad.forEachTeam { team, members in ... }
/// ```
final class Squad {
    private struct Key {
        var place: ScratchRows.Place
        var order: Int
        /// The team's index in `teams`; -1 for no team.
        var team: Int32
        /// 0 for no attention, else 1 + the level's index in `AttentionLevel.allCases`.
        var attention: UInt8
    }

    /// What the Overview counts of the athletes with attention.
    struct Tally {
        /// Athletes at each level.
        var levels: [AttentionLevel: Int] = [:]
        /// Athletes with each attention reason (a rule id).
        var reasons: [String: Int] = [:]
    }

    private let scratch: ScratchRows
    private var keys: [Key] = []
    private var teams = NumberedTexts()
    /// The keys' places in Squad sheet order, once sealed.
    private var ordered: [Int32]?
    private var record = ScratchRecord.Writer()
    private static let levels = AttentionLevel.allCases
    private(set) var tally = Tally()

    /// An empty squad whose members will be kept in `folder`.
    init(folder: String) throws { scratch = try ScratchRows(folder: folder) }

    /// A sealed squad of `members` (for tests and small callers).
    convenience init(_ members: [SquadMember], folder: String) throws {
        try self.init(folder: folder)
        for m in members { try add(m) }
        try seal()
    }

    /// Adds a member; members come in input order.
    func add(_ member: SquadMember) throws {
        precondition(ordered == nil, "a sealed squad takes no more members")
        record.reset()
        member.write(to: &record)
        let place = try scratch.append(record: record.bytes)
        let team = member.team.map { teams.number($0) } ?? -1
        let attention = member.attention.map { UInt8(Self.levels.firstIndex(of: $0.level)! + 1) } ?? 0
        keys.append(Key(place: place, order: member.order, team: team, attention: attention))
        if let a = member.attention {
            tally.levels[a.level, default: 0] += 1
            for reason in Set(a.reasons) { tally.reasons[reason, default: 0] += 1 }
        }
    }

    /// Ends the adding: orders the members by team name (no team last, as `~`), then most
    /// attention first, then input order.
    func seal() throws {
        guard ordered == nil else { return }
        try scratch.flush()
        let names = Set(teams.texts + (keys.contains { $0.team < 0 } ? ["~"] : [])).sorted()
        let rankOf = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let ranks = teams.texts.map { rankOf[$0]! }
        let noTeam = rankOf["~"] ?? 0
        let green = Self.levels.firstIndex(of: .green)!
        func rank(_ k: Key) -> Int { k.team < 0 ? noTeam : ranks[Int(k.team)] }
        func level(_ k: Key) -> Int { k.attention == 0 ? green : Int(k.attention) - 1 }
        var order = keys.indices.map { Int32($0) }
        order.sort { i, j in
            let (a, b) = (keys[Int(i)], keys[Int(j)])
            let (ra, rb) = (rank(a), rank(b))
            if ra != rb { return ra < rb }
            let (la, lb) = (level(a), level(b))
            return la != lb ? la > lb : a.order < b.order
        }
        ordered = order
    }

    /// Members with attention, in the Squad sheet's order.
    func forEachAthlete(_ body: (SquadMember) throws -> Void) throws {
        for i in sealedOrder where keys[Int(i)].attention != 0 { try body(member(keys[Int(i)])) }
    }

    /// Each named team in name order, with its members, most attention first.
    func forEachTeam(_ body: (String, [SquadMember]) throws -> Void) throws {
        var team: Int32 = -1
        var members: [SquadMember] = []
        for i in sealedOrder where keys[Int(i)].team >= 0 {
            let key = keys[Int(i)]
            if key.team != team {
                if team >= 0 { try body(teams[team], members) }
                team = key.team
                members.removeAll(keepingCapacity: true)
            }
            members.append(try member(key))
        }
        if team >= 0 { try body(teams[team], members) }
    }

    /// The input orders of the members with attention.
    var athleteOrders: Set<Int> { Set(keys.lazy.filter { $0.attention != 0 }.map(\.order)) }

    /// The names of the teams with a member with attention, in name order.
    var athleteTeams: [String] {
        Set(keys.lazy.filter { $0.attention != 0 && $0.team >= 0 }.map { self.teams[$0.team] }).sorted()
    }

    private var sealedOrder: [Int32] {
        guard let ordered else { preconditionFailure("a squad is read once sealed") }
        return ordered
    }

    private func member(_ key: Key) throws -> SquadMember {
        var reader = ScratchRecord.Reader(try scratch.record(at: key.place))
        return SquadMember(reading: &reader)
    }
}
