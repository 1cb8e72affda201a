import Foundation
import Testing

@Suite("what changed since last week, end to end", .serialized)
struct ChangesTests {
    static let lastWeek = """
        client_id,name,therapist,training_load,sore_areas,conditions
        K1,Kim Lee,Ana,moderate,calves,
        K2,Lou Park,Ana,heavy,calves,acute_injury
        K3,Max Roe,Ben,moderate,calves,
        K4,Nia Shaw,,light,calves;glutes,
        K5,Ola Tan,Ben,light,calves,

        """
    static let thisWeek = """
        client_id,name,therapist,training_load,sore_areas,conditions
        K1,Kim Lee,Ana,heavy,calves,
        K2,Lou Park,Ana,heavy,calves,
        K3,Max Roe,Ben,moderate,calves,fever
        K4,Nia Shaw,,light,glutes;shins,
        K6,Pia Quinn,Ben,light,calves,chronic_knots

        """

    func twoWeeks() throws -> URL {
        let dir = try workspace(["clients.csv": Self.lastWeek])
        #expect(try legcare(["report", "--as-of", "2026-11-16"], in: dir).status == 0)
        try Self.thisWeek.write(to: dir.appendingPathComponent("Input/clients.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test("two runs a week apart: changes.csv has one row per change, by client then change")
    func changes() throws {
        let dir = try twoWeeks()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 0)
        #expect(
            contents(dir, "Reports/2026-W48/changes.csv") == """
                client_id,change,before,after
                K1,interval_days,14,7
                K2,interval_days,,7
                K2,refer_to,physiotherapist,
                K2,routine,,calves
                K2,session_kind,,sports
                K2,status,refer,cleared
                K3,interval_days,14,
                K3,refer_to,,gp
                K3,routine,calves,
                K3,session_kind,sports,
                K3,status,cleared,refer
                K4,routine,calves;glutes,glutes;shins
                K5,gone,cleared,
                K6,new_client,,cleared

                """)
        let k3 = try #require(contents(dir, "Reports/2026-W48/handouts/K3-max-roe.txt")).replacingOccurrences(of: "\n", with: " ")
        #expect(k3.contains("WHAT IS NEW THIS WEEK - You now need to be seen before any massage"))
        #expect(!k3.contains("No longer in your routine"), "a new referral says it all")
        let k2 = try #require(contents(dir, "Reports/2026-W48/handouts/K2-lou-park.txt"))
        #expect(k2.contains("- You have been cleared to go back to massage and self-massage."))
        let k4 = try #require(contents(dir, "Reports/2026-W48/handouts/K4-nia-shaw.txt")).replacingOccurrences(of: "\n  ", with: " ")
        #expect(k4.contains("- New in your routine: front of the shin.") && k4.contains("- No longer in your routine: calves."))
        #expect(contents(dir, "Reports/2026-W48/handouts/K6-pia-quinn.txt")?.contains("WHAT IS NEW") == false, "a new client: no section")
    }

    @Test("a first run writes no changes.csv and no section; the print bundles hold each therapist's handouts")
    func firstRun() throws {
        let dir = try workspace(["clients.csv": Self.thisWeek])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try legcare(["report", "--as-of", "2026-11-23"], in: dir).status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Reports/2026-W48/changes.csv").path))
        #expect(contents(dir, "Reports/2026-W48/handouts-print.txt")?.contains("WHAT IS NEW") == false)
        let bundles = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Reports/2026-W48/print").path)
        #expect(bundles.sorted() == ["ana.txt", "ben.txt", "unassigned.txt"])
        let ben = try #require(contents(dir, "Reports/2026-W48/print/ben.txt"))
        #expect(ben.components(separatedBy: "\u{0C}").count == 2 && ben.contains("Max Roe") && ben.contains("Pia Quinn"))
        #expect(contents(dir, "Reports/2026-W48/print/unassigned.txt")?.contains("Nia Shaw") == true)
        // Every page of every bundle is one client's handout, byte for byte, each client once.
        let handouts = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Reports/2026-W48/handouts").path)
        let texts = handouts.compactMap { contents(dir, "Reports/2026-W48/handouts/" + $0) }
        let pages = bundles.flatMap { (contents(dir, "Reports/2026-W48/print/" + $0) ?? "").components(separatedBy: "\u{0C}") }
        #expect(pages.sorted() == texts.sorted())
    }

    @Test("a damaged previous plans.jsonl is a warning, never a failed run; the readable lines still count")
    func damaged() throws {
        let dir = try twoWeeks()
        defer { try? FileManager.default.removeItem(at: dir) }
        let previous = dir.appendingPathComponent("Reports/2026-W47/plans.jsonl")
        let lines = try String(contentsOf: previous, encoding: .utf8).split(separator: "\n")
        let damaged = [String(lines[0]), "{\"client_id\": \"K2\", trunc"] + lines[2...].map(String.init)
        try (damaged.joined(separator: "\n") + "\n").write(to: previous, atomically: true, encoding: .utf8)
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 0, "a warning does not change the exit status")
        let issues = try #require(contents(dir, "Reports/2026-W48/input-issues.csv"))
        #expect(issues.contains("2026-W47/plans.jsonl,2,,,is not a plan LegCare can read"))
        #expect(contents(dir, "Reports/2026-W48/changes.csv")?.contains("K2,new_client,,cleared") == true)

        let other = try legcare(["report", "--as-of", "2026-11-30", "--previous", "nowhere"], in: dir)
        #expect(other.status == 0)
        #expect(contents(dir, "Reports/2026-W49/input-issues.csv")?.contains("nowhere/plans.jsonl,0,,,\"could not be read") == true)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Reports/2026-W49/changes.csv").path))
    }
}
