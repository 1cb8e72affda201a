import LegCareCore
import Testing

@Suite("Calendar days")
struct DayTests {
    @Test(
        "ISO week names",
        arguments: [
            ("2026-11-23", "2026-W48"), ("2026-01-01", "2026-W01"), ("2027-01-01", "2026-W53"),
            ("2024-12-30", "2025-W01"), ("2021-01-03", "2020-W53"), ("2026-11-29", "2026-W48"),
        ])
    func isoWeek(_ date: String, _ name: String) {
        #expect(Day(iso: date)!.isoWeekName == name)
    }

    @Test("parsing accepts real dates only")
    func parse() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "2026-1-01") == nil)
        #expect(Day(iso: "26-11-2026") == nil)
        #expect(Day(iso: "2026-11-23")!.description == "2026-11-23")
    }

    @Test("weekday and arithmetic round-trip")
    func arithmetic() {
        let d = Day(iso: "2026-11-23")!
        #expect(d.weekday == 1)
        #expect(d.adding(days: 6).weekday == 7)
        #expect(d.adding(days: 40).description == "2027-01-02")
        #expect(d.adding(days: 40).days(since: d) == 40)
        #expect(Day(iso: "1970-01-01")!.serial == 0)
    }
}
