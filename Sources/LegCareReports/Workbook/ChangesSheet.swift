import LegCareCore
import LegCareNative

/// The `Changes` sheet: what moved since the previous run. The count of each kind of
/// change, then one row per change with the client, before and after: new referrals
/// first, then the rest by client. "First run" when there is no earlier week.
enum ChangesSheet {
    static let headers = ["Client ID", "Name", "Change", "Before", "After"]
    static let widths = [12.0, 24, 16, 30, 30]

    static func write(
        _ changes: (list: [PlanChange], names: [String: String])?, to wb: Workbook, sheet s: Workbook.Sheet,
        rowLimit: Int = Workbook.rowLimit
    ) throws {
        for (i, width) in widths.enumerated() { try wb.setColumns(s, i, i, width: width) }
        try wb.printSetup(s, repeatHeader: false)
        var r = 0
        try wb.write(s, r, 0, "What changed since the previous run", .title)
        r += 1
        guard let changes else {
            try wb.write(s, r, 0, "First run: there is no earlier week to compare with.")
            return
        }
        r += 1
        try wb.write(s, r, 0, "Change", .header)
        try wb.write(s, r, 1, "Clients", .header)
        for kind in PlanChange.Kind.allCases {
            r += 1
            try wb.write(s, r, 0, kind.rawValue, .wrapBottom)
            try wb.write(s, r, 1, number: Double(changes.list.filter { $0.kind == kind }.count))
        }
        r += 2
        for (i, h) in headers.enumerated() { try wb.write(s, r, i, h, .header) }
        if changes.list.isEmpty {
            try wb.write(s, r + 1, 0, "Nothing changed since the previous run.")
            return
        }
        // A whole list new (another clinic's last week) can pass Excel's row limit: the rows
        // go on in `Changes (2)`..., each under its headings.
        var more: SheetStream?
        for c in ordered(changes.list) {
            var sheet = s
            if more == nil && r + 1 < rowLimit {
                r += 1
            } else {
                let stream =
                    try more
                    ?? SheetStream(
                        workbook: wb, name: "Changes", columns: zip(headers, widths).map { .init(header: $0, width: $1) },
                        rowLimit: rowLimit, part: 2, filters: false)
                more = stream
                r = try stream.nextRow()
                sheet = stream.sheet
            }
            let referral = isNewReferral(c)
            try wb.writeWrapped(sheet, r, [(0, c.clientID), (1, changes.names[c.clientID] ?? ""), (3, c.before)], widths: widths)
            try wb.write(sheet, r, 2, c.kind.rawValue, referral ? .statusRefer : .wrapBottom)
            try wb.write(sheet, r, 4, c.after, referral ? .statusRefer : .wrapBottom)
        }
        try more?.finish()
    }

    /// A change that sends a client to be seen: status now refer, or a new client referred.
    static func isNewReferral(_ c: PlanChange) -> Bool {
        (c.kind == .status || c.kind == .newClient) && c.after == Status.refer.rawValue
    }

    /// New referrals first, then client order.
    static func ordered(_ list: [PlanChange]) -> [PlanChange] {
        list.filter(isNewReferral) + list.filter { !isNewReferral($0) }
    }
}
