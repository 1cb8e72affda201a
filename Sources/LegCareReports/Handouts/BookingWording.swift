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

    /// The line that stands for a due client's booking until the week is booked: the
    /// interval and the handout's language, which the sentence needs then.
    static func marker(interval: Int, language: String) -> String { "\u{2}\(markerWord)\(interval) \(language)\u{2}" }

    /// A client not due this week: the window to book in.
    /// `when`: the window, as ``when(_:words:)`` says it.
    static func notDue(kind: SessionKind, minutes: Int, when: String, every: Int, words: HandoutWording) -> String {
        words.say(
            .bookingNotDue, ["kind": .text(words.kind(kind)), "minutes": .number(minutes), "when": .text(when), "every": .number(every)])
    }

    /// A due client's sentence: the day and therapist when booked, else how to book and why
    /// it could not be booked.
    static func sentence(_ row: Timetable.Row, interval: Int, words: HandoutWording) -> String {
        let q = row.request
        let kind = CompiledTemplate.Value.text(words.kind(q.kind))
        if let day = row.date, let therapist = row.therapist {
            return words.say(
                .bookingBooked,
                [
                    "date": .text(words.date(day)), "therapist": .text(therapist), "kind": kind, "minutes": .number(q.minutes),
                    "every": .number(interval),
                ])
        }
        switch row.outcome {
        case .noHoursLeft: return words.say(.bookingNoHours, ["kind": kind, "minutes": .number(q.minutes), "every": .number(interval)])
        case .nobodyWorks:
            return words.say(.bookingNobodyWorks, ["kind": kind, "minutes": .number(q.minutes), "every": .number(interval)])
        default:
            return words.say(
                .bookingUnbooked,
                ["kind": kind, "minutes": .number(q.minutes), "when": .text(when(q.window, words: words)), "every": .number(interval)])
        }
    }

    /// "on Monday 23 November" or "between Monday 23 November and Wednesday 25 November".
    static func when(_ w: DayRange, words: HandoutWording) -> String {
        words.written(.window(w.from.serial, w.to.serial)) {
            w.from == w.to
                ? words.say(.bookingOn, ["date": .text(words.date(w.from))])
                : words.say(.bookingBetween, ["from": .text(words.date(w.from)), "to": .text(words.date(w.to))])
        }
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

    /// `text` with its marker line replaced by the booking sentence in the handout's
    /// language, wrapped like the rest (`row`: the client's timetable row; `nil` leaves a
    /// plain request to book).
    static func finish(_ text: [UInt8], row: Timetable.Row?, languages: HandoutLanguages, width: Int = HandoutTemplate.width) -> [UInt8] {
        guard let start = markerIndex(text), let close = text[(start + 1)...].firstIndex(of: markerByte) else { return text }
        let fields = String(decoding: text[(start + 1 + markerWord.utf8.count)..<close], as: UTF8.self).split(separator: " ")
        let interval = fields.first.flatMap { Int($0) } ?? 0
        let words = languages.wording(for: fields.dropFirst().first.map(String.init))
        let sentence = row.map { Self.sentence($0, interval: interval, words: words) } ?? words.text(.bookingThisWeek)
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
