import LegCareCore
import Testing

@Suite("Self-massage routine")
struct SelfMassageRuleTests {
    @Test("selfmassage.area.shins: stick or hands, lightly, never a foam roller")
    func shins() {
        let rollerOnly = plan(
            footballer {
                $0.soreAreas = [.shins]
                $0.tools = [.foamRoller]
                $0.pressure = .firm
            })
        let item = rollerOnly.selfMassage.items.first { $0.area == .shins }!
        #expect(item.tool == .hands)
        #expect(item.pressure == .light)
        let stick = plan(
            footballer {
                $0.soreAreas = [.shins]
                $0.tools = [.foamRoller, .massageStick]
            })
        #expect(stick.selfMassage.items.first?.tool == .massageStick)
    }

    @Test("selfmassage.area.plantar_fascia: a ball or hands")
    func plantar() {
        #expect(
            plan(
                footballer {
                    $0.soreAreas = [.plantarFascia]
                    $0.tools = [.foamRoller, .spikyBall]
                }
            ).selfMassage.items.first?.tool == .spikyBall)
        #expect(
            plan(
                footballer {
                    $0.soreAreas = [.plantarFascia]
                    $0.tools = [.foamRoller]
                }
            ).selfMassage.items.first?.tool == .hands)
    }

    @Test("selfmassage.no_tools: hands only")
    func noTools() {
        let p = plan(
            footballer {
                $0.tools = []
                $0.soreAreas = [.calves, .glutes, .quadriceps]
            })
        #expect(p.selfMassage.items.allSatisfy { $0.tool == .hands })
    }

    @Test("selfmassage.area.it_band: IT band soreness brings glute and TFL work, IT band lightly")
    func itBand() {
        let p = plan(
            footballer {
                $0.soreAreas = [.itBand]
                $0.tools = [.foamRoller, .massageBall]
                $0.pressure = .firm
            })
        #expect(p.selfMassage.items.map(\.area) == [.glutes, .itBand])
        #expect(p.selfMassage.items[0].tool == .massageBall)
        #expect(p.selfMassage.items[1].pressure == .light)
    }

    @Test("selfmassage.lower_back: hamstrings and glutes instead of the back")
    func lowerBack() {
        let p = plan(footballer { $0.soreAreas = [.lowerBack] })
        #expect(p.selfMassage.items.map(\.area) == [.hamstrings, .glutes])
    }

    @Test("selfmassage.max_items: at most five items, the sore ones first")
    func maxItems() {
        let p = plan(footballer { $0.soreAreas = [.calves, .quadriceps, .adductors, .glutes, .hipFlexors, .plantarFascia] })
        #expect(p.selfMassage.items.count == 5)
        #expect(p.selfMassage.items.map(\.area) == [.calves, .quadriceps, .adductors, .glutes, .hipFlexors])
        #expect(p.reasons.contains { $0.rule == "selfmassage.max_items" })
    }

    @Test("selfmassage.maintenance: no sore area gives a routine for the activity")
    func maintenance() {
        let runner = plan(
            footballer {
                $0.soreAreas = []
                $0.activity = .known(.running)
                $0.occupation = nil
            })
        #expect(runner.selfMassage.items.first?.area == .calves)
        #expect(runner.selfMassage.items.allSatisfy { !$0.sore && $0.seconds == 45 && $0.holdSeconds == 20 })
        let desk = plan(
            footballer {
                $0.soreAreas = []
                $0.activity = nil
                $0.occupation = .desk
            })
        #expect(desk.selfMassage.items.prefix(2).map(\.area) == [.hamstrings, .hipFlexors])
    }

    @Test("selfmassage.dose: 60 s per leg and 30 s holds on sore areas; minutes add up both legs")
    func dose() {
        let p = plan(footballer { $0.soreAreas = [.calves, .hamstrings] })
        #expect(p.selfMassage.items.allSatisfy { $0.seconds == 60 && $0.holdSeconds == 30 })
        #expect(p.selfMassage.totalMinutes == 6)  // 2 items x 2 legs x 90 s = 360 s
    }

    @Test("selfmassage.frequency: by training load, 2-3 a week in general")
    func frequency() {
        #expect(plan(footballer { $0.trainingLoad = .heavy }).selfMassage.sessionsPerWeek == 5)
        #expect(plan(footballer { $0.trainingLoad = .light }).selfMassage.sessionsPerWeek == 2)
        #expect(plan(footballer { $0.trainingLoad = nil }).selfMassage.sessionsPerWeek == 3)
    }

    @Test("selfmassage.doms_gentle: sore within 48 h of a hard session means gentle only")
    func doms() {
        let p = plan(
            footballer {
                $0.lastHardSession = Moment(day: day("2026-11-22"))
                $0.pressure = .firm
            })
        #expect(p.selfMassage.items.allSatisfy { $0.pressure == .light })
        #expect(p.selfMassage.timing.contains(.domsGentle))
        #expect(!p.selfMassage.timing.contains(.laterDeeper), "no 'firmer work' advice in a gentle-only week")
        let later = plan(
            footballer {
                $0.lastHardSession = Moment(day: day("2026-11-20"))
                $0.pressure = .firm
            })
        #expect(later.selfMassage.items.allSatisfy { $0.pressure == .firm })
    }

    @Test("selfmassage.pre_event_light: light only when the event is close")
    func preEvent() {
        let p = plan(
            footballer {
                $0.nextEvent = day("2026-11-24")
                $0.pressure = .firm
            })
        #expect(p.selfMassage.items.allSatisfy { $0.pressure == .light })
        #expect(p.selfMassage.timing.contains(.preEventLight))
    }

    @Test("selfmassage.refer_light: other areas get light pressure while a referral is open")
    func referLight() {
        let p = plan(
            footballer {
                $0.conditions = [.hamstringStrain]
                $0.soreAreas = [.hamstrings, .calves]
                $0.pressure = .firm
            })
        #expect(p.selfMassage.items.map(\.area) == [.calves])
        #expect(p.selfMassage.items[0].pressure == .light)
    }

    @Test("selfmassage.max_routine_minutes: the clinic's cap drops the least needed items")
    func minutesCap() {
        var s = EngineSettings()
        s.maxRoutineMinutes = 6
        let p = plan(footballer { $0.soreAreas = [.calves, .hamstrings, .quadriceps] }, settings: s)
        #expect(p.selfMassage.items.map(\.area) == [.calves, .hamstrings])
        #expect(p.selfMassage.totalMinutes == 6)
    }
}
