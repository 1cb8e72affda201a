import LegCareCore

/// The `Referrals` sheet: every referred client, most urgent first, with why.
extension SummaryWorkbook {
    static let referralsColumns: [SheetStream.Column] = [
        .init(header: "Urgency", width: 11), .init(header: "Refer to", width: 15), .init(header: "Client ID", width: 12),
        .init(header: "Name", width: 24), .init(header: "Team", width: 14), .init(header: "Therapist", width: 16),
        .init(header: "Flags", width: 30), .init(header: "Why", width: 80),
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
                for (col, text) in cells.enumerated() { try workbook.write(referrals.sheet, r, col, text) }
            }
        }
    }
}
