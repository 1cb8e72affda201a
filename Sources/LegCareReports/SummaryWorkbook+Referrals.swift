import LegCareCore

/// The `Referrals` sheet: every referred client, most urgent first, with why.
extension SummaryWorkbook {
    static let referralsColumns: [SheetStream.Column] = [
        .init(header: "Urgency", width: 11), .init(header: "Refer to", width: 15), .init(header: "Client ID", width: 12),
        .init(header: "Name", width: 24), .init(header: "Team", width: 14), .init(header: "Therapist", width: 16),
        .init(header: "Flags", width: 30), .init(header: "Why", width: 80),
    ]

    /// Keeps a referred client's row (and counts) until the end, when urgency orders them.
    func noteReferral(_ plan: Plan, profile: ClientProfile) {
        guard plan.status == .refer, let urgency = plan.urgency else { return }
        urgencyCounts[urgency, default: 0] += 1
        if let to = plan.referTo { referToCounts[to, default: 0] += 1 }
        let reasons = plan.reasons.filter { plan.referralRules.contains($0.rule) }.map(\.text).joined(separator: " | ")
        referred.append(
            (
                urgency, referred.count,
                [
                    urgency.rawValue, plan.referTo?.rawValue ?? "", profile.clientID, profile.name, profile.team ?? "",
                    profile.therapist ?? "", plan.flags.joined(separator: ", "), reasons,
                ]
            ))
    }

    func writeReferrals() throws {
        for ref in referred.sorted(by: { ($0.urgency, -$0.order) > ($1.urgency, -$1.order) }) {
            let r = try referrals.nextRow()
            for (col, text) in ref.cells.enumerated() { try workbook.write(referrals.sheet, r, col, text) }
        }
    }
}
