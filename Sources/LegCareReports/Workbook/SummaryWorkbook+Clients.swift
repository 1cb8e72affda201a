import LegCareCore

/// The `Clients` sheet: one row per client, status coloured, with the reason for every
/// decision in the last column.
extension SummaryWorkbook {
    /// One line a client on screen, for scanning and filtering; on paper every column but
    /// the last, `Why`, whose reasons run far past the page (printed with them, LibreOffice
    /// shrank the page to an eighth to fit them), one A4 page wide at about 60% of full
    /// size: each client's reasons are in their handout, a referral's on Referrals.
    static let clientsColumns: [SheetStream.Column] = [
        .init(header: "Client ID", width: 11), .init(header: "Name", width: 20), .init(header: "Team", width: 14),
        .init(header: "Therapist", width: 15), .init(header: "Status", width: 10), .init(header: "Refer to", width: 16),
        .init(header: "Urgency", width: 10), .init(header: "Flags", width: 24), .init(header: "Session kind", width: 13),
        .init(header: "Interval (days)", width: 10), .init(header: "Minutes", width: 9), .init(header: "Window from", width: 12),
        .init(header: "Window to", width: 12), .init(header: "Self-massage min/week", width: 12), .init(header: "Areas", width: 24),
        .init(header: "Why", width: 80),
    ]
    static let clientsWidths = clientsColumns.map(\.width)

    /// The printed pages' footer: where the reasons left off the page are.
    static let clientsFooter = "Why is not printed: each client's reasons are in their handout and plans.jsonl, a referral's on Referrals."

    func addClientRow(_ plan: Plan, profile: ClientProfile) throws {
        let p = plan.professional
        let r = try clients.nextRow()
        let s = clients.sheet
        let areas = plan.selfMassage.items.map(\.area.rawValue).joined(separator: ", ")
        let why = plan.reasons.map { "[\($0.rule)] \($0.text)" }.joined(separator: " | ")
        let texts: [(Int, String?)] = [
            (0, profile.clientID), (1, profile.name), (2, profile.team), (3, profile.therapist), (4, plan.status.rawValue),
            (5, plan.referTo?.rawValue), (6, plan.urgency?.rawValue), (7, plan.flags.joined(separator: ", ")),
            (8, p.kind?.rawValue), (14, areas),
        ]
        // Every printed column wraps, the row as tall as the longest (the areas and flags
        // ran past their columns); `Why` stays one line for scanning and is not printed.
        try workbook.writeWrapped(
            s, r, texts.compactMap { col, text in text.map { (col, $0) } }, widths: Self.clientsWidths, indented: [14])
        try workbook.write(s, r, 15, why)
        if let v = p.intervalDays { try workbook.write(s, r, 9, number: Double(v)) }
        if let v = p.minutes { try workbook.write(s, r, 10, number: Double(v)) }
        if let w = p.nextWindow {
            try workbook.write(s, r, 11, date: w.from)
            try workbook.write(s, r, 12, date: w.to)
        }
        try workbook.write(s, r, 13, number: Double(plan.selfMassage.sessionsPerWeek * plan.selfMassage.totalMinutes))
    }
}
