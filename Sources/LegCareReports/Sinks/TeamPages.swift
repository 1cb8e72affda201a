import LegCareCore
import LegCareRun

/// `teams/<slug>.txt`, one page for each named team's coach, in name order.
enum TeamPages {
    /// Writes every team's page from the booked week and the squad's members.
    static func write(
        _ timetable: Timetable, squad: Squad, names: ClientNames, config: ClinicConfig, asOf: Day, staleTraining: StaleTrainingLog?,
        into folder: RunFolder
    ) throws {
        // The timetable's rows grouped in one pass, not filtered once per team.
        let all = timetable.rows
        let rowsByTeam = Dictionary(grouping: all.indices.lazy.compactMap { i in all[i].request.team.map { (i, $0) } }, by: \.1)
        var namer = HandoutFileNamer()
        var first = true
        try squad.forEachTeam { team, members in
            if first { _ = try folder.folder("teams") }
            first = false
            let rows = rowsByTeam[team]?.map { all[$0.0] } ?? []
            let text = TeamPage.text(
                team: team, members: members, bookings: rows, names: names, config: config, asOf: asOf, staleTraining: staleTraining)
            try folder.write("teams/" + namer.name(clientID: "", name: team), text)
        }
    }
}
