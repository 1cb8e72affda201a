import LegCareCore
import Testing

/// Every threshold on its exact boundary, and one step past it: a `>=` turned into `>`
/// (or back) fails here.
@Suite("Thresholds on their boundaries")
struct ThresholdBoundaryTests {
    /// Fatigue scores: 14 earlier days alternating 3 and 5 (mean 4, population SD exactly
    /// 1), then `latest` on the day before the as-of day.
    static func wellness(latest: Int, earlier: Int = 14) -> TrainingHistory {
        log(
            [(offset: -1, minutes: 30, rpe: 4, wellness: ["fatigue": latest])]
                + (2..<(2 + earlier)).map { (offset: -$0, minutes: 30, rpe: 4, wellness: ["fatigue": $0 % 2 == 0 ? 3 : 5]) })
    }

    @Test(
        "wellness: exactly 2 SD under the athlete's mean is red, exactly 1 SD amber, less nothing",
        arguments: [(2, AttentionLevel.red), (3, .amber), (4, nil), (5, nil)])
    func wellnessBands(_ latest: Int, _ flag: AttentionLevel?) {
        let score = Self.wellness(latest: latest).wellness(asOf: monday, settings: EngineSettings())["fatigue"]
        #expect(score?.mean == 4 && score?.sd == 1)
        #expect(score?.flag == flag)
    }

    @Test("wellness: a flag needs 7 earlier scores; 6 give none")
    func wellnessMinimum() {
        let six = Self.wellness(latest: 2, earlier: 6).wellness(asOf: monday, settings: EngineSettings())["fatigue"]
        let seven = Self.wellness(latest: 2, earlier: 7).wellness(asOf: monday, settings: EngineSettings())["fatigue"]
        #expect(six?.earlierScores == 6 && six?.flag == nil)
        #expect(seven?.earlierScores == 7 && seven?.flag != nil)
    }

    /// 21 days at `before` then the last 7 days at `last` (load = rpe x minutes).
    static func twoBlocks(before: (Int, Int), last: (Int, Int)) -> TrainingHistory {
        log(
            (1...28).map { back in back <= 7 ? (-back, last.1, last.0, [:]) : (-back, before.1, before.0, [:]) }.map {
                (offset: $0.0, minutes: $0.1, rpe: $0.2, wellness: $0.3)
            })
    }

    @Test("attention.acwr_spike: an ACWR of exactly 1.5 is no spike; 1.51 is")
    func acwrBoundary() {
        // 21 days at 100, 7 at 180: acute 1260, chronic (2100 + 1260) / 4 = 840, ACWR 1.5.
        let at = plan(footballer(), training: Self.twoBlocks(before: (5, 20), last: (6, 30)))
        #expect(at.load?.acwr == 1.5)
        #expect(at.attention?.reasons.contains("acwr_spike") == false)
        // 7 days at 182: acute 1274, chronic 843.5, ACWR 1.51.
        let past = plan(footballer(), training: Self.twoBlocks(before: (5, 20), last: (7, 26)))
        #expect(past.load?.acwr == 1.51)
        #expect(past.attention?.reasons.contains("acwr_spike") == true)
    }

    /// The last 7 days' loads, oldest first, as rpe 5 x minutes (0: no row).
    static func week(_ loads: [Int]) -> TrainingHistory {
        log(loads.enumerated().compactMap { i, load in load == 0 ? nil : (offset: i - 7, minutes: load / 5, rpe: 5, wellness: [:]) })
    }

    @Test("attention.monotony_high: a monotony of exactly 2.0 is not high; 2.01 is")
    func monotonyBoundary() {
        let at = plan(footballer(), training: Self.week([0, 200, 500, 500, 500, 500, 600]))
        #expect(at.load?.monotony == 2.0)
        #expect(at.attention?.reasons.contains("monotony_high") == false)
        let past = plan(footballer(), training: Self.week([50, 100, 400, 400, 400, 400, 500]))
        #expect(past.load?.monotony == 2.01)
        #expect(past.attention?.reasons.contains("monotony_high") == true)
    }

    @Test("screen.pain_gate: 8 out of 10 is modified, 7 is cleared; a clinic's gate of 6 moves both", arguments: [6, 7, 8, 9])
    func painGate(_ pain: Int) {
        #expect(plan(footballer { $0.painLevel = pain }).status == (pain >= 8 ? .modified : .cleared))
        var settings = EngineSettings()
        settings.painGate = 6
        #expect(plan(footballer { $0.painLevel = pain }, settings: settings).status == .modified)
        settings.painGate = 7
        #expect(plan(footballer { $0.painLevel = pain }, settings: settings).status == (pain >= 7 ? .modified : .cleared))
    }
}
