import LegCareCore
import LegCareNative

/// The `Referrals` sheet: every referred client, most urgent first, with why.
extension SummaryWorkbook {
    /// Narrow enough to print one A4 page wide at nearly full size (the sheet is the
    /// list a clinic prints): every cell wraps inside its column, top-aligned, instead
    /// of running on (the reasons ran on past the last column, and fitting them to the
    /// page shrank its text to a third of its size).
    static let referralsColumns: [SheetStream.Column] = [
        .init(header: "Urgency", width: 10), .init(header: "Refer to", width: 14), .init(header: "Client ID", width: 11),
        .init(header: "Name", width: 20), .init(header: "Team", width: 12), .init(header: "Therapist", width: 14),
        .init(header: "Flags", width: 22), .init(header: "Why", width: 50),
    ]

    /// Keeps a referred client's row (and counts) until the end, when urgency orders them:
    /// on disk, one scratch file per urgency, so each reads back in input order.
    func noteReferral(_ plan: Plan, profile: ClientProfile) throws {
        guard plan.status == .refer, let urgency = plan.urgency else { return }
        urgencyCounts[urgency, default: 0] += 1
        if let to = plan.referTo { referToCounts[to, default: 0] += 1 }
        let reasons = plan.reasons.filter { plan.referralRules.contains($0.rule) }.map(\.text).joined(separator: " | ")
        try referred[urgency]!.append([
            urgency.rawValue, plan.referTo?.rawValue ?? "", profile.clientID, profile.name, profile.team ?? "",
            profile.therapist ?? "", plan.flags.joined(separator: ", "), reasons,
        ])
    }

    /// Most urgent first, then input order.
    func writeReferrals() throws {
        for urgency in Urgency.allCases.reversed() {
            try referred[urgency]!.readBack { cells in
                let r = try referrals.nextRow()
                // Spreadsheet programs need not grow a row for wrapped text (LibreOffice
                // keeps the default height, so lines overlap): the height is set here.
                let lines = zip(cells, Self.referralsColumns).map { Workbook.lines($0, width: $1.width) }.max() ?? 1
                if lines > 1 { try workbook.setRowHeight(referrals.sheet, r, 15 * Double(lines)) }
                for (col, text) in cells.enumerated() { try workbook.write(referrals.sheet, r, col, text, .wrap) }
            }
        }
    }
}
