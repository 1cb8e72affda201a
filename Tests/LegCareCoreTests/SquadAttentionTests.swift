import LegCareCore
import Testing

/// A training log built day by day, relative to the as-of Monday (offset -1 = Sunday).
func log(_ days: [(offset: Int, minutes: Int, rpe: Int, wellness: [String: Int])]) -> TrainingHistory {
    var h = TrainingHistory()
    for d in days { h.add(day: monday.adding(days: d.offset), minutes: d.minutes, rpe: d.rpe, wellness: d.wellness) }
    return h
}

@Suite("Squad attention and wellness (figures computed by hand)")
struct SquadAttentionTests {
    /// 28 days: 300 a day for days -28..-8 and 600 a day for -7..-2, Sundays (-1, -8,
    /// -15, -22) rest days with no row. By hand: acute = 6 x 600 = 3600; chronic =
    /// (3600 + 18 x 300) / 4 = 2250; ACWR = 1.6; monotony = mean 514.29 / SD 209.96 =
    /// sqrt(6) = 2.45; strain = 3600 x sqrt(6) = 8818.16.
    static let spikeWeek = log(
        (1...28).filter { ![1, 8, 15, 22].contains($0) }.map { back in
            (offset: -back, minutes: back <= 7 ? 100 : 50, rpe: 6, wellness: [:])
        })

    @Test("attention.acwr_spike (red) and attention.monotony_high (amber): the highest level wins, every reason listed")
    func spikeAndMonotony() {
        let p = plan(footballer(), training: Self.spikeWeek)
        #expect(p.load?.acute == 3600 && p.load?.chronic == 2250)
        #expect(p.load?.acwr == 1.6 && p.load?.monotony == 2.45 && p.load?.strain == 8818.16)
        #expect(p.attention == Attention(level: .red, reasons: ["acwr_spike", "monotony_high"]))
    }

    @Test("attention: the ACWR needs 28 days of data; a shorter log gives no spike however steep")
    func shortHistory() {
        let short = log((1...20).map { (offset: -$0, minutes: $0 <= 7 ? 120 : 10, rpe: 8, wellness: [:]) })
        let p = plan(footballer(), training: short)
        #expect(p.load?.acwr == nil)
        #expect(p.attention?.reasons.contains("acwr_spike") == false)
    }

    @Test("attention.acwr_low (amber): a missing week counts as zero load; a light last week is well under the norm")
    func missingWeekAndLowLoad() {
        // Days -28..-15 at 400, nothing logged in -14..-8 (a missing week), -7..-1 at 100.
        // By hand: acute = 700; chronic = (14 x 400 + 700) / 4 = 1575; ACWR = 0.44.
        let h = log((1...28).filter { !(8...14).contains($0) }.map { (offset: -$0, minutes: $0 <= 7 ? 20 : 80, rpe: 5, wellness: [:]) })
        let p = plan(footballer(), training: h)
        #expect(p.load?.acute == 700 && p.load?.chronic == 1575 && p.load?.acwr == 0.44)
        #expect(p.load?.monotony == nil, "seven equal days: SD 0, monotony undefined")
        #expect(p.attention == Attention(level: .amber, reasons: ["acwr_low"]))
    }

    @Test("attention.referral and attention.pain are red; pain under the gate is not")
    func referralAndPain() {
        let h = log([(offset: -1, minutes: 60, rpe: 5, wellness: [:])])
        #expect(plan(footballer { $0.conditions = [.dvtSigns] }, training: h).attention?.reasons == ["referral"])
        #expect(plan(footballer { $0.painLevel = 7 }, training: h).attention == Attention(level: .red, reasons: ["pain"]))
        #expect(plan(footballer { $0.painLevel = 6 }, training: h).attention == Attention(level: .green, reasons: []))
        var settings = EngineSettings()
        settings.attentionPain = 6
        #expect(plan(footballer { $0.painLevel = 6 }, settings: settings, training: h).attention?.level == .red)
    }

    @Test("attention: only athletes (training rows) get it")
    func onlyAthletes() {
        #expect(plan(footballer()).attention == nil)
        #expect(plan(footballer()).wellness.isEmpty)
    }

    /// Sleep scores on 7 earlier days (4, 4, 5, 3, 4, 4, 4: mean 4, population SD
    /// sqrt(2/7) = 0.53), with a rest day between, then the latest score on day -1.
    static func sleep(latest: Int, earlier: [Int] = [4, 4, 5, 3, 4, 4, 4]) -> TrainingHistory {
        var days: [(offset: Int, minutes: Int, rpe: Int, wellness: [String: Int])] = earlier.enumerated().map { i, v in
            (offset: -3 - i, minutes: 60, rpe: 5, wellness: ["sleep": v])
        }
        days.append((offset: -1, minutes: 60, rpe: 5, wellness: ["sleep": latest]))
        return log(days)
    }

    @Test(
        "wellness: the latest score against the athlete's own 28 days: 1 SD below is amber, 2 SD red",
        arguments: [(4, nil), (3, AttentionLevel.amber), (2, .red), (5, nil)] as [(Int, AttentionLevel?)])
    func wellnessBands(_ latest: Int, _ flag: AttentionLevel?) {
        let w = Self.sleep(latest: latest).wellness(asOf: monday, settings: EngineSettings())["sleep"]!
        #expect(w.latest == Double(latest) && w.mean == 4 && w.sd == 0.53 && w.earlierScores == 7)
        #expect(w.flag == flag)
    }

    @Test("wellness: a flag needs 7 earlier scores; with 6 the figures show but no flag")
    func fewScores() {
        let w = Self.sleep(latest: 1, earlier: [4, 4, 5, 3, 4, 4]).wellness(asOf: monday, settings: EngineSettings())["sleep"]!
        #expect(w.earlierScores == 6 && w.mean == 4 && w.flag == nil)
    }

    @Test("wellness: the as-of day is excluded, and only the 28 days before the latest score count")
    func windows() {
        var h = Self.sleep(latest: 2)
        h.add(day: monday, minutes: 30, rpe: 3, wellness: ["sleep": 5])  // today: ignored
        h.add(day: monday.adding(days: -40), minutes: 30, rpe: 3, wellness: ["sleep": 1])  // too old: ignored
        let w = h.wellness(asOf: monday, settings: EngineSettings())["sleep"]!
        #expect(w.day == monday.adding(days: -1) && w.latest == 2 && w.mean == 4 && w.earlierScores == 7)
    }

    @Test("wellness thresholds come from clinic settings; the red flag sets red attention, naming the item")
    func wellnessAttention() {
        var settings = EngineSettings()
        settings.wellnessAmberSD = 2.5
        settings.wellnessRedSD = 3.5
        let h = Self.sleep(latest: 2)  // 2 below a mean of 4 with SD 0.53: 3.7 SD
        let red = plan(footballer(), settings: settings, training: h).attention!
        #expect(red.level == .red && red.reasons.filter { $0.hasPrefix("wellness") } == ["wellness_red"] && red.wellnessItems == ["sleep"])
        settings.wellnessRedSD = 4
        #expect(
            plan(footballer(), settings: settings, training: h).attention?.reasons.filter { $0.hasPrefix("wellness") } == ["wellness_amber"]
        )
    }
}
