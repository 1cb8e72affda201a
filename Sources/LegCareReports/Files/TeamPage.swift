import LegCareCore

/// `teams/<team slug>.txt`: one page for the coach.
///
/// Who needs attention first and why, the week's massage bookings, who could not be
/// booked, and squad reminders. A coach is not the athlete's clinician: the page never
/// names a condition or a screening flag, only what the athlete must do ("see a GP
/// today before any massage"). Wrapped at 72 columns like the handouts.
enum TeamPage {
    /// The page's text for one team.
    /// `staleTraining`: the log has no row in the 7 days before `asOf` (its last day, if
    /// any), so the page warns that the load reasons read as rest.
    static func text(
        team: String, members: [SquadMember], bookings: [Timetable.Row], names: ClientNames, config: ClinicConfig, asOf: Day,
        staleTraining: StaleTrainingLog? = nil
    ) -> String {
        let weekStart = asOf.adding(days: -(asOf.weekday - 1))
        let week = DayRange(from: weekStart, to: weekStart.adding(days: 6))
        var lines: [String] = [
            "\(team): squad recovery week \(asOf.isoWeekName)",
            "\(ReportDates.date(week.from)) to \(ReportDates.date(week.to))",
            "From \(config.clinicName), for the coach. Medical details stay between each athlete and the clinic: this page says only what to do.",
            "",
        ]
        if let stale = staleTraining {
            let last =
                stale.lastDay.map { "the last day logged is \(ReportDates.date($0)), \(asOf.days(since: $0)) days before" }
                ?? "nothing is logged before"
            lines += [
                "TRAINING LOG OUT OF DATE: \(last) \(ReportDates.date(asOf)). A day with no row counts as rest, so "
                    + "the training load reasons below read low. Send the latest log to the clinic and run the week again.",
                "",
            ]
        }
        let ordered = members.sorted(by: SquadMember.byAttention)
        for (level, title) in [(AttentionLevel.red, "SEE FIRST (RED)"), (.amber, "CHECK IN (AMBER)")] {
            let group = ordered.filter { Self.level($0) == level }
            lines.append("\(title): \(group.count) athlete\(group.count == 1 ? "" : "s")")
            for m in group {
                lines.append("- \(TextWrapper.keptWhole(m.name)): " + Self.reasons(m, config: config).joined(separator: "; ") + ".")
            }
            if group.isEmpty { lines.append("- Nobody this week.") }
            lines.append("")
        }
        let green = ordered.filter { Self.level($0) == .green }.count
        lines.append("Everyone else (\(green) athlete\(green == 1 ? "" : "s")) is green: plan the week as usual.")
        lines.append("")

        let booked = bookings.filter { $0.date != nil }
        lines.append("MASSAGE BOOKINGS THIS WEEK: \(booked.count)")
        for row in booked {
            let date = row.date!
            lines.append(
                "- \(ReportDates.shortDate(date)): \(TextWrapper.keptWhole(names[row.request.order] ?? row.request.clientID)) "
                    + "with \(row.therapist!), \(row.request.minutes) minutes")
        }
        if booked.isEmpty { lines.append("- None this week.") }
        lines.append("")
        let unbooked = bookings.filter { $0.date == nil }
        if !unbooked.isEmpty {
            lines.append("DUE BUT NOT BOOKED: \(unbooked.count)")
            for row in unbooked {
                lines.append("- \(TextWrapper.keptWhole(names[row.request.order] ?? row.request.clientID)): \(Self.unbookedWhy(row)).")
            }
            lines.append("")
        }

        lines.append("SQUAD REMINDERS")
        let events = Set(members.compactMap(\.nextEvent).filter { week.contains($0) }).sorted()
        for event in events {
            lines.append(
                "- Match or race on \(ReportDates.date(event)): no deep massage in the \(config.settings.noDeepWorkBeforeEventDays * 24) hours before it; light self-massage only."
            )
        }
        lines.append("- Load and wellness figures help plan recovery. They are not a diagnosis and never clear anyone to play.")
        lines.append(
            "- Anyone with sudden sharp pain, a swollen or bruised leg, or pain that stops them walking or sleeping stops training and sees the physio before any massage."
        )
        if !config.contactLine.isEmpty { lines += ["", config.contactLine] }
        // Each name is kept whole where it is printed: searching the page for every member's
        // name grew with the square of a squad's size (docs/performance.md).
        return TextWrapper.wrap(lines.joined(separator: "\n") + "\n", width: HandoutTemplate.width)
    }

    /// The level the coach sees: attention for athletes with training data; a referral is
    /// red for everyone.
    static func level(_ m: SquadMember) -> AttentionLevel {
        m.attention?.level ?? (m.status == .refer ? .red : .green)
    }

    /// What the coach is told, in the attention rules' order, without a condition's name.
    static func reasons(_ m: SquadMember, config: ClinicConfig) -> [String] {
        var ids = m.attention?.reasons ?? []
        if m.status == .refer && !ids.contains("referral") { ids.insert("referral", at: 0) }
        let items = (m.attention?.wellnessItems ?? []).joined(separator: ", ")
        return ids.compactMap { id in
            switch id {
            case "referral": return referral(m, config: config)
            case "pain": return "reports pain of \(m.pain ?? 0) out of 10: check in before training"
            case "acwr_spike": return "training load spiked: the last 7 days were \(fmt(m.load?.acwr)) times the 4-week average"
            case "acwr_low": return "training load well under their usual: \(fmt(m.load?.acwr)) times the 4-week average"
            case "monotony_high":
                return "every training day has been much the same (monotony \(fmt(m.load?.monotony))): vary hard and easy days"
            case "wellness_red": return "wellness scores (\(items)) far below their own usual: talk to them"
            case "wellness_amber": return "wellness scores (\(items)) below their own usual"
            default: return nil
            }
        }.removingRepeats()
    }

    /// "see a GP today before any massage": who and when, never why, and never a
    /// professional whose name alone says why.
    static func referral(_ m: SquadMember, config: ClinicConfig) -> String {
        if m.urgency == .emergency || m.referTo == .emergency {
            return "emergency: call \(config.emergencyNumber.isEmpty ? "emergency services" : config.emergencyNumber) now; no massage"
        }
        let whom: String
        switch m.referTo {
        case .physiotherapist: whom = "the physio"
        case .chiropractor: whom = "a chiropractor"
        // A midwife would tell the coach why (pregnancy): the page says a GP, which the
        // handout also offers; the athlete's handout names the midwife.
        case .gp, .midwife: whom = "a GP"
        case .emergency, nil: whom = "the physio"
        }
        let when: String
        switch m.urgency {
        case .urgent: when = " today"
        case .soon: when = " within a few days"
        default: when = ""
        }
        return "must see \(whom)\(when) before any massage"
    }

    static func unbookedWhy(_ row: Timetable.Row) -> String {
        switch row.outcome {
        case .noHoursLeft: return "no therapist time left on the days that suit; the clinic will offer the next free slot"
        case .noAllowedDay: return "the days that suit fall outside this week"
        default: return "no therapist works on the days that suit"
        }
    }

    /// Load figures are already rounded to 2 decimals.
    private static func fmt(_ x: Double?) -> String { x.map { "\($0)" } ?? "-" }
}

extension Array where Element == String {
    /// The strings with later repeats dropped (two rules can say the same thing).
    func removingRepeats() -> [String] {
        var seen: Set<String> = []
        return filter { seen.insert($0).inserted }
    }
}
