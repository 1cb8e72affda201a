extension HandoutWording {
    /// The messages LegCare fills in itself, by name: a misspelt one does not compile, and
    /// loading the catalogs checks that English has each (``HandoutLanguages``).
    enum Message: Int, CaseIterable, Sendable {
        case weekDates, date, callNumber, callLocal
        case referralEmergency, referralUrgent, referralSoon, referralRoutine
        case avoidAreas, avoidStretch, avoidLightOnly
        case tellSore, tellEvent, tellPains
        case bookingNotDue, bookingBooked, bookingNoHours, bookingNobodyWorks, bookingUnbooked, bookingThisWeek, bookingOn, bookingBetween
        case newNowReferred, newCleared, newModified, newNormal, newReferTo, newInterval, newKind, newAdded, newDropped

        /// The catalog key.
        var key: String {
            switch self {
            case .weekDates: "week_dates"
            case .date: "date"
            case .callNumber: "call.number"
            case .callLocal: "call.local"
            case .referralEmergency: "referral.emergency"
            case .referralUrgent: "referral.urgent"
            case .referralSoon: "referral.soon"
            case .referralRoutine: "referral.routine"
            case .avoidAreas: "avoid.areas"
            case .avoidStretch: "avoid.stretch"
            case .avoidLightOnly: "avoid.light_only"
            case .tellSore: "tell.sore"
            case .tellEvent: "tell.event"
            case .tellPains: "tell.pains"
            case .bookingNotDue: "booking.not_due"
            case .bookingBooked: "booking.booked"
            case .bookingNoHours: "booking.no_hours"
            case .bookingNobodyWorks: "booking.nobody_works"
            case .bookingUnbooked: "booking.unbooked"
            case .bookingThisWeek: "booking.this_week"
            case .bookingOn: "booking.on"
            case .bookingBetween: "booking.between"
            case .newNowReferred: "new.now_referred"
            case .newCleared: "new.cleared"
            case .newModified: "new.modified"
            case .newNormal: "new.normal"
            case .newReferTo: "new.refer_to"
            case .newInterval: "new.interval"
            case .newKind: "new.kind"
            case .newAdded: "new.added"
            case .newDropped: "new.dropped"
            }
        }
    }

    /// `message` with its placeholders filled from `args`.
    func say(_ message: Message, _ args: KeyValuePairs<String, CompiledTemplate.Value> = [:]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(160)
        messages[message.rawValue].render(into: &out, rule: rule) { name, _ in args.first { $0.key == name }?.value }
        return String(decoding: out, as: UTF8.self)
    }

    /// A message without placeholders, rendered once at load.
    func text(_ message: Message) -> String { texts[message.rawValue] }
}
