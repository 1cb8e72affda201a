import Foundation
import LegCareCore
import PropertyBased
import Testing

@testable import LegCareReports
@testable import LegCareRun

@Suite("Squad: members kept on disk from the stream to the sheets and team pages")
struct SquadTests {
    /// A new folder for a squad's file (as the scratch rows' tests make them).
    func folder() throws -> String { try ScratchRowsTests().folder() }

    /// The fixture's athletes from their plans, and the same athletes changed so that every
    /// field is tried both ways (no team, no load, no event, other scripts, extreme numbers).
    static func members() -> [SquadMember] {
        var members: [SquadMember] = []
        for (profile, training) in SquadFixture.cases {
            let plan = PlanEngine(settings: SquadFixture.config.settings).plan(for: profile, asOf: SquadFixture.asOf, training: training)
            members.append(SquadMember(order: members.count, plan: plan, profile: profile))
        }
        for var m in members {
            m.order = members.count
            m.team = nil
            m.name = "张伟 Zhang Wei"
            m.clientID = ""
            m.load = LoadSummary(
                acute: 1.0 / 3.0, chronic: -0.0, acwr: nil, monotony: .greatestFiniteMagnitude, strain: nil, wellness: [:])
            m.pain = m.pain == nil ? Int.min : nil
            m.nextEvent = m.nextEvent == nil ? Day(iso: "9999-12-31") : nil
            m.referTo = m.referTo == nil ? .gp : nil
            m.urgency = m.urgency == nil ? .urgent : nil
            members.append(m)
        }
        return members
    }

    @Test("every member comes back from the file field for field, whatever it holds")
    func roundTrip() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let members = Self.members()
        #expect(members.contains { $0.attention == nil } && members.contains { $0.load == nil } && members.contains { $0.team == nil })
        var writer = ScratchRecord.Writer()
        for m in members {
            writer.reset()
            m.write(to: &writer)
            var reader = ScratchRecord.Reader(writer.bytes[...])
            #expect(SquadMember(reading: &reader) == m, "\(m.clientID) \(m.name)")
        }
        // Through the squad's file: each athlete once, each named team's members once.
        let squad = try Squad(members, folder: dir)
        var athletes: [SquadMember] = []
        try squad.forEachAthlete { athletes.append($0) }
        #expect(athletes.sorted { $0.order < $1.order } == members.filter { $0.attention != nil })
        var onTeams: [SquadMember] = []
        try squad.forEachTeam { team, group in
            #expect(group.allSatisfy { $0.team == team })
            onTeams += group
        }
        #expect(onTeams.sorted { $0.order < $1.order } == members.filter { $0.team != nil })
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "the file has no name")
    }

    /// A squad of random teams (a few, none, and `~`, which sorts like no team) and levels.
    struct RandomSquad: CustomStringConvertible {
        var members: [SquadMember]
        var description: String { members.map { "\($0.team ?? "-")/\($0.attention?.level.rawValue ?? "-")" }.joined(separator: " ") }

        init(seed: Int) {
            var g = seed
            func next(_ n: Int) -> Int {
                g = (g &* 1_103_515_245 &+ 12345) & 0x7fff_ffff
                return g % n
            }
            let template = SquadTests.members()[0]
            let teams: [String?] = [nil, "Riverside FC", "~", "Ögon IF", "Abbey RFC", "浦和"]
            members = (0..<next(120)).map { i in
                var m = template
                m.order = i
                m.clientID = "C\(i)"
                m.team = teams[next(teams.count)]
                let level = next(4)
                m.attention =
                    level == 3 ? nil : Attention(level: AttentionLevel.allCases[level], reasons: level == 0 ? [] : ["acwr_spike"])
                return m
            }
        }
    }

    @Test("Squad sheet order: by team name, no team as `~`, most attention first, then input order; team pages by name")
    func order() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(Int32.max)).map { RandomSquad(seed: $0) }) { random in
            let dir = try! folder()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let squad = try! Squad(random.members, folder: dir)
            // The order the Squad sheet had when it sorted the members in memory.
            let expected = random.members.filter { $0.attention != nil }.sorted { a, b in
                (a.team ?? "~") != (b.team ?? "~") ? (a.team ?? "~") < (b.team ?? "~") : SquadMember.byAttention(a, b)
            }
            var athletes: [SquadMember] = []
            try! squad.forEachAthlete { athletes.append($0) }
            #expect(athletes.map(\.order) == expected.map(\.order))
            var teams: [String] = []
            try! squad.forEachTeam { team, group in
                teams.append(team)
                #expect(group.map(\.order) == random.members.filter { $0.team == team }.sorted(by: SquadMember.byAttention).map(\.order))
            }
            #expect(teams == Set(random.members.compactMap(\.team)).sorted())
            #expect(squad.athleteTeams == Set(random.members.filter { $0.attention != nil }.compactMap(\.team)).sorted())
            #expect(squad.athleteOrders == Set(expected.map(\.order)))
        }
    }

    @Test("the Overview's attention counts: athletes at each level, and with each reason")
    func tally() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let members = Self.members()
        let squad = try Squad(members, folder: dir)
        let attention = members.compactMap(\.attention)
        for level in AttentionLevel.allCases {
            #expect(squad.tally.levels[level, default: 0] == attention.filter { $0.level == level }.count)
        }
        #expect(squad.tally.reasons["acwr_spike", default: 0] == attention.filter { $0.reasons.contains("acwr_spike") }.count)
        #expect(squad.tally.reasons["acwr_spike", default: 0] > 0, "the fixture has a load spike")
    }
}
