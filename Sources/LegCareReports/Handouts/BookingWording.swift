import LegCareCore

/// The handout's sentence about the next massage. A client due this week is booked only
/// once every client is in, so their handout is rendered with a marker line first and the
/// booked day (or why there is none) put in its place after booking.
enum BookingWording {
    /// Opens and closes the marker line (the wrapper's own glue is 0x01).
    static let markerByte: UInt8 = 0x02
    static let markerWord = "booking "
    /// The marker's first bytes at the start of a line.
    static let markerStart: [UInt8] = [0x0A, markerByte] + Array(markerWord.utf8)

    /// The line that stands for a due client's booking until the week is booked.
    static func marker(interval: Int) -> String { "\u{2}\(markerWord)\(interval)\u{2}" }

    /// A client not due this week: the window to book in, as before.
    static func notDue(kind: SessionKind, minutes: Int, window: DayRange, every: Int) -> String {
        "Your next massage: \(HandoutWording.kind(kind)), \(minutes) minutes. Best booked \(when(window)), then about every \(every) days."
    }

    /// A due client's sentence: the day and therapist when booked, else how to book and why
    /// it could not be booked.
    static func sentence(_ row: Timetable.Row, interval: Int) -> String {
        let q = row.request
        let what = "\(HandoutWording.kind(q.kind)), \(q.minutes) minutes"
        let after = "After that, about every \(interval) days."
        if let day = row.date, let therapist = row.therapist {
            return "Your next massage is booked for \(HandoutWording.date(day)) with \(therapist): \(what). \(after)"
        }
        switch row.outcome {
        case .noHoursLeft:
            return "Your next massage is not booked yet: there was no free time left this week. "
                + "Please ask the clinic for the first free time for \(what). \(after)"
        case .nobodyWorks:
            return "Your next massage is not booked yet: no therapist works on the days it is due. "
                + "Please ask the clinic for the first free time for \(what). \(after)"
        default:
            return "Your next massage is not booked yet. Please book \(what), \(when(q.window)). \(after)"
        }
    }

    /// "on Monday 23 November" or "between Monday 23 November and Wednesday 25 November".
    static func when(_ w: DayRange) -> String {
        w.from == w.to ? "on \(HandoutWording.date(w.from))" : "between \(HandoutWording.date(w.from)) and \(HandoutWording.date(w.to))"
    }

    /// Where a rendered handout's marker line starts (after its line break), if it has one.
    static func markerIndex(_ text: [UInt8]) -> Int? {
        guard text.count > markerStart.count else { return nil }
        var i = text.startIndex
        while let n = text[i...].firstIndex(of: markerByte) {
            if n > text.startIndex, text[(n - 1)...].starts(with: markerStart) { return n }
            i = n + 1
        }
        return nil
    }

    /// Whether a rendered handout still waits for its booking.
    static func hasMarker(_ text: [UInt8]) -> Bool { markerIndex(text) != nil }

    /// `text` with its marker line replaced by the booking sentence, wrapped like the rest
    /// (`row`: the client's timetable row; `nil` leaves a plain request to book).
    static func finish(_ text: [UInt8], row: Timetable.Row?, width: Int = HandoutTemplate.width) -> [UInt8] {
        guard let start = markerIndex(text), let close = text[(start + 1)...].firstIndex(of: markerByte) else { return text }
        let interval = Int(String(decoding: text[(start + 1 + markerWord.utf8.count)..<close], as: UTF8.self)) ?? 0
        let sentence = row.map { Self.sentence($0, interval: interval) } ?? "Please book your next massage this week."
        // Wrapped on bytes, as the rest of the handout was: by Characters it was most of
        // the booking's cost at 100,000 clients.
        var out = Array(text[..<start])
        var lines = TextWrapper.wrap(bytes: Array(sentence.utf8), width: width)
        if lines.last == 0x0A { lines.removeLast() }  // the marker's own line break follows
        out += lines
        out += text[(close + 1)...]
        return out
    }
}
