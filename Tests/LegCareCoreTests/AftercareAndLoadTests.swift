import LegCareCore
import Testing

@Suite("Aftercare")
struct AftercareRuleTests {
    @Test("aftercare: a cleared session plan gets water, movement, rest from intensity, heat and cold")
    func ordinary() {
        let p = plan(footballer())
        #expect(p.aftercare == [.hydrate, .gentleMovement, .noIntenseExercise24h, .heatForTightness, .coldForSoreness, .sleepPillowKnees])
    }

    @Test("aftercare.no_heat_fresh_injury: no heat on a fresh injury")
    func noHeat() {
        for c in [Condition.acuteInjury, .swelling, .hamstringStrain, .dvtSigns] {
            let p = plan(footballer { $0.conditions = [c] })
            #expect(!p.aftercare.contains(.heatForTightness), "\(c)")
        }
    }

    @Test("aftercare.no_intense_24h: only when a professional session is planned")
    func noIntense() {
        #expect(plan(footballer()).aftercare.contains(.noIntenseExercise24h))
        #expect(!plan(footballer { $0.conditions = [.tendinopathy] }).aftercare.contains(.noIntenseExercise24h))
    }

    @Test("aftercare.sleep_pillow_knees: for sore or strained hamstrings only")
    func sleep() {
        #expect(plan(footballer { $0.soreAreas = [.hamstrings] }).aftercare.contains(.sleepPillowKnees))
        #expect(!plan(footballer { $0.soreAreas = [.calves] }).aftercare.contains(.sleepPillowKnees))
    }

    @Test("aftercare: an urgent referral gets no movement or heat advice")
    func urgent() {
        #expect(
            plan(
                footballer {
                    $0.conditions = [.dvtSigns]
                    $0.soreAreas = [.calves]
                }
            ).aftercare == [.hydrate])
    }
}

@Suite("Training load (Foster, Gabbett)")
struct LoadTests {
    /// A day-by-day log: `loads[i]` is the load i+1 days before Monday 23rd.
    func history(_ loads: [Int], extraDaysBack: Int = 0) -> TrainingHistory {
        var h = TrainingHistory()
        for (i, load) in loads.enumerated() where load > 0 {
            h.add(day: monday.adding(days: -(i + 1)), minutes: load, rpe: 1)
        }
        if extraDaysBack > 0 { h.add(day: monday.adding(days: -extraDaysBack), minutes: 0, rpe: 0) }
        return h
    }

    @Test("load: session load is RPE x minutes; rows on one day add up")
    func sessionLoad() {
        var h = TrainingHistory()
        h.add(day: monday.adding(days: -1), minutes: 60, rpe: 7)
        h.add(day: monday.adding(days: -1), minutes: 30, rpe: 4)
        #expect(h.loadByDay[monday.adding(days: -1)] == 540)
    }

    @Test("load: a day of the log takes 16 bytes and keeps its day, load and scores, far dates too")
    func compactDays() {
        #expect(TrainingHistory.entryBytes == 16, "a day, against 24 with a Day beside the record")
        var h = TrainingHistory()
        let far = Day(iso: "9999-12-31")!
        let early = Day(iso: "0001-01-01")!
        h.add(day: far, minutes: 600, rpe: 10, wellness: ["sleep": 2, "mood": 5])
        h.add(day: early, minutes: 1, rpe: 1)
        h.add(day: far, minutes: 30, rpe: 2, wellness: ["sleep": 4])
        #expect(h.loadByDay == [far: 6060, early: 1])
        #expect(h.firstDay == early)
        #expect(h.wellness("sleep", on: far) == 4 && h.wellness("mood", on: far) == 5 && h.wellness("fatigue", on: far) == nil)
    }

    @Test("load: a log appended to another is the log of all their rows, in order")
    func appendedLogs() {
        // Rows split at every point: the first part's log with the second appended must
        // equal the log of all rows added one by one (loads add, later scores replace).
        let items = TrainingHistory.wellnessItems
        let rows = (0..<24).map { i in
            (
                day: monday.adding(days: -((i * 5) % 9)), minutes: 15 + 7 * i, rpe: i % 11,
                wellness: i % 4 == 0 ? [:] : [items[i % items.count]: 1 + i % 5, items[(i + 2) % items.count]: 5 - i % 5]
            )
        }
        var whole = TrainingHistory()
        for r in rows { whole.add(day: r.day, minutes: r.minutes, rpe: r.rpe, wellness: r.wellness) }
        for cut in 0...rows.count {
            var first = TrainingHistory()
            var second = TrainingHistory()
            for r in rows[..<cut] { first.add(day: r.day, minutes: r.minutes, rpe: r.rpe, wellness: r.wellness) }
            for r in rows[cut...] { second.add(day: r.day, minutes: r.minutes, rpe: r.rpe, wellness: r.wellness) }
            first.append(second)
            #expect(first == whole, "cut at \(cut)")
        }
    }

    @Test("load.acwr: acute / mean weekly load of 28 days, shown only with 28 days of data")
    func acwr() {
        let loads = [Int](repeating: 600, count: 7) + [Int](repeating: 300, count: 21)
        let s = history(loads).summary(asOf: monday, settings: EngineSettings())
        #expect(s.acute == 4200)
        #expect(s.chronic == (4200 + 2100 * 3) / 4)
        #expect(s.acwr == 1.6)
        let short = history(Array(loads.prefix(20))).summary(asOf: monday, settings: EngineSettings())
        #expect(short.acwr == nil)
    }

    @Test("load: the as-of day itself is excluded")
    func asOfExcluded() {
        var h = TrainingHistory()
        h.add(day: monday, minutes: 100, rpe: 10)
        #expect(h.summary(asOf: monday, settings: EngineSettings()).acute == 0)
    }

    @Test("load.monotony: mean / population SD of 7 daily loads; strain = load x monotony")
    func monotony() {
        let s = history([100, 200, 100, 200, 100, 200, 100]).summary(asOf: monday, settings: EngineSettings())
        // mean 1000/7 = 142.857, population SD 49.487 -> monotony 2.89, strain 1000 x 2.8868 = 2886.75
        #expect(s.monotony == 2.89)
        #expect(s.strain == 2886.75)
        let flat = history([100, 100, 100, 100, 100, 100, 100]).summary(asOf: monday, settings: EngineSettings())
        #expect(flat.monotony == nil)
        #expect(flat.strain == nil)
    }

    @Test("load.acwr_spike and load.monotony_high are flags, never a status change")
    func flags() {
        let loads = [Int](repeating: 600, count: 7) + [Int](repeating: 300, count: 21)
        let p = plan(footballer(), training: history(loads))
        #expect(p.reasons.contains { $0.rule == "load.acwr_spike" })
        #expect(p.status == .cleared)
    }
}
