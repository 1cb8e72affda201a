import LegCareCore

/// Dates as the team pages, the workbook and the timetable print them. These stay in
/// English whatever language a client's handout is in (docs/data-contract.md).
enum ReportDates {
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// "Monday 23 November".
    static func date(_ d: Day) -> String {
        let p = d.parts
        return "\(weekdays[d.weekday - 1]) \(p.day) \(months[p.month - 1])"
    }

    /// "Tue 24 Nov".
    static func shortDate(_ d: Day) -> String {
        let p = d.parts
        return "\(weekdays[d.weekday - 1].prefix(3)) \(p.day) \(months[p.month - 1].prefix(3))"
    }
}
