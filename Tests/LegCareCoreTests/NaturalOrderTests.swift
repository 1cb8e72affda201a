import LegCareCore
import Testing

@Suite("Natural order of names")
struct NaturalOrderTests {
    @Test("digit runs compare by value: Therapist 2 before Therapist 10, and one order however the list starts")
    func natural() {
        let names = ["Therapist 10", "Therapist 2", "Therapist 1", "Ana", "Therapist 02", "therapist 3", "Therapist 9b", "Therapist 9a"]
        let sorted = names.sorted(by: NaturalOrder.less)
        #expect(
            sorted == ["Ana", "Therapist 1", "Therapist 2", "Therapist 02", "Therapist 9a", "Therapist 9b", "Therapist 10", "therapist 3"])
        #expect(names.reversed().sorted(by: NaturalOrder.less) == sorted)
        #expect(!NaturalOrder.less("x", "x"))
        #expect(NaturalOrder.less("Room 99", "Room 100") && !NaturalOrder.less("Room 100", "Room 99"))
    }

    @Test("the timetable books and lists therapists in natural order")
    func timetable() {
        let week = DayRange(from: day("2026-11-23"), to: day("2026-11-29"))
        let therapists = ["Therapist 10", "Therapist 2"].map { ClinicConfig.Therapist(name: $0, hoursAvailable: 5) }
        let requests = (0..<2).map { i in
            BookingRequest(
                clientID: "C\(i)", team: nil, therapist: therapists[i].name, kind: .sports, minutes: 60, window: week, attention: nil,
                overdueDays: 0, order: i)
        }
        let rows = Timetable.schedule(requests, therapists: therapists, week: week, asOf: day("2026-11-23")).rows
        #expect(rows.map(\.therapist) == ["Therapist 2", "Therapist 10"], "same day: Therapist 2 first")
    }
}
