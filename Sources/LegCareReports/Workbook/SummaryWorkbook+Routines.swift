import LegCareCore

/// The `Routines` sheet: one row per self-massage step.
extension SummaryWorkbook {
    static let routinesColumns: [SheetStream.Column] = [
        .init(header: "Client ID", width: 12), .init(header: "Name", width: 24), .init(header: "Step", width: 6),
        .init(header: "Area", width: 16), .init(header: "Tool", width: 15), .init(header: "Seconds per leg", width: 10),
        .init(header: "Hold (s)", width: 9), .init(header: "Pressure", width: 10), .init(header: "Sessions per week", width: 10),
    ]
    static let routinesWidths = routinesColumns.map(\.width)

    func addRoutineRows(_ plan: Plan, profile: ClientProfile) throws {
        for (i, item) in plan.selfMassage.items.enumerated() {
            let r = try routines.nextRow()
            let rs = routines.sheet
            try workbook.writeWrapped(
                rs, r,
                [(0, profile.clientID), (1, profile.name), (3, item.area.rawValue), (4, item.tool.rawValue), (7, item.pressure.rawValue)],
                widths: Self.routinesWidths, indented: [3, 7])
            try workbook.write(rs, r, 2, number: Double(i + 1))
            try workbook.write(rs, r, 5, number: Double(item.seconds))
            try workbook.write(rs, r, 6, number: Double(item.holdSeconds))
            try workbook.write(rs, r, 8, number: Double(plan.selfMassage.sessionsPerWeek))
        }
    }
}
