import LegCareCore
import Testing

@Suite("Professional sessions: kind, length, interval, window")
struct ProfessionalRuleTests {
    @Test("prof.kind.default: sports massage")
    func defaultKind() { #expect(plan(footballer()).professional.kind == .sports) }

    @Test(
        "prof.kind rows: knots, stuck mobility, posture, long effort",
        arguments: [
            (Condition.chronicKnots, SessionKind.neuromuscular), (.stuckMobility, .myofascial),
            (.postureProblems, .structural), (.longEffort, .gentle),
        ])
    func kindRows(_ condition: Condition, _ kind: SessionKind) {
        let p = plan(footballer { $0.conditions = [condition] })
        #expect(p.professional.kind == kind)
        #expect(p.reasons.contains { $0.rule == "prof.kind.\(condition.rawValue)" })
    }

    @Test("prof.kind.gentle_for_safety: a gentle-only screening beats chronic knots")
    func safetyBeatsKind() {
        let p = plan(footballer { $0.conditions = [.chronicKnots, .injuryRecoveryCleared] })
        #expect(p.professional.kind == .gentle)
        #expect(!p.professional.deepWorkAllowed)
    }

    @Test(
        "prof.interval: weekly when heavy, every 2-4 weeks otherwise",
        arguments: [
            (TrainingLoad?.some(.heavy), 7), (.some(.moderate), 14), (.some(.light), 21), (.some(.none), 28), (nil, 28),
        ])
    func interval(_ load: TrainingLoad?, _ days: Int) {
        #expect(plan(footballer { $0.trainingLoad = load }).professional.intervalDays == days)
    }

    @Test("prof.minutes: the client's choice, else 60, or 45 for gentle or easy weeks")
    func minutes() {
        #expect(plan(footballer { $0.sessionMinutes = 90 }).professional.minutes == 90)
        #expect(plan(footballer { $0.trainingLoad = .heavy }).professional.minutes == 60)
        #expect(plan(footballer { $0.trainingLoad = .light }).professional.minutes == 45)
        #expect(plan(footballer { $0.conditions = [.longEffort] }).professional.minutes == 45)
    }

    @Test("prof.window.after_hard_session: deep work 48-72 h after a very hard session")
    func afterHardSession() {
        // Hard session on Sunday 22nd; as of Monday 23rd: window Tuesday 24 - Wednesday 25.
        let p = plan(footballer { $0.lastHardSession = Moment(day: day("2026-11-22"), minuteOfDay: 600) })
        #expect(p.professional.nextWindow == DayRange(from: day("2026-11-24"), to: day("2026-11-25")))
        #expect(p.reasons.contains { $0.rule == "prof.window.after_hard_session" })
    }

    @Test("prof.window.before_event: never in the 48 h before an event")
    func beforeEvent() {
        // Hard session Sunday 22nd -> 24-25th, but a match on Thursday 26th blocks 24-26.
        let p = plan(
            footballer {
                $0.lastHardSession = Moment(day: day("2026-11-22"))
                $0.nextEvent = day("2026-11-26")
            })
        let w = p.professional.nextWindow!
        #expect(w.to < day("2026-11-24") || w.from > day("2026-11-26"))
        #expect(p.reasons.contains { $0.rule == "prof.window.after_event" })
        #expect(w == DayRange(from: day("2026-11-28"), to: day("2026-11-29")))
    }

    @Test("prof.window.before_event: the window is cut short when days before the block remain")
    func truncatedBeforeEvent() {
        // Due Monday 23rd (no hard session): 23-25, match on Friday 27th blocks 25-28.
        let p = plan(footballer { $0.nextEvent = day("2026-11-27") })
        #expect(p.professional.nextWindow == DayRange(from: day("2026-11-23"), to: day("2026-11-24")))
        #expect(p.reasons.contains { $0.rule == "prof.window.before_event" })
    }

    @Test("prof.window.due: the interval counts from the last massage")
    func dueFromLastMassage() {
        let p = plan(
            footballer {
                $0.lastMassage = day("2026-11-20")
                $0.trainingLoad = .moderate
            })
        #expect(p.professional.nextWindow?.from == day("2026-12-04"))
    }

    @Test("prof.window: gentle sessions may sit right before an event")
    func gentleBeforeEventAllowed() {
        let p = plan(
            footballer {
                $0.conditions = [.longEffort]
                $0.nextEvent = day("2026-11-24")
            })
        #expect(p.professional.nextWindow?.from == monday)
    }

    @Test("prof.refer: a referral books no session")
    func referNoSession() {
        let p = plan(footballer { $0.conditions = [.swelling] })
        #expect(p.professional == .none)
        #expect(p.reasons.contains { $0.rule == "prof.refer" })
    }
}
