import Foundation
import LegCareCore
import LegCareRun

/// Writes a run's outputs as plans arrive, one client at a time, so memory stays flat, then
/// the week's outputs once every client is in. Each output has a sink of its own; this
/// type hands each client to them and runs the end of the week in order. Nothing is
/// visible until ``finish(diagnostics:facts:)`` publishes the folder.
public final class ReportWriter {
    private let folder: RunFolder
    private let config: ClinicConfig
    private let asOf: Day
    private let week: DayRange
    private let handouts: HandoutSink
    private let plans: PlansSink
    private let workbook: WorkbookSink
    /// Clients due a session this week, on disk until the week is booked.
    private let requests: PendingBookings
    /// Squad members (a team, or training rows), for the Squad sheet and team pages.
    private let squad: Squad
    /// The squads' daily loads, for the Squad sheet's chart.
    private var loads: TeamLoads
    /// The session log's volumes and the clients' visits, for the manager's sheets.
    private var sessions: SessionLog
    private var figures: ManagerFigures
    /// `nil` on a first run.
    private var changes: ChangesTracker?
    private var count = 0

    /// Wall time of each output stage so far (`--timings`).
    public private(set) var timings = StageTimings()

    /// The run's staging folder, for scratch files that must never outlive the run or be
    /// seen by anyone else (0700; each file unlinked once made).
    public var scratchFolder: String { folder.stagingPath }

    /// How many unfinished folders of interrupted runs were removed when this run started.
    public var staleRemoved: Int { folder.staleRemoved }

    /// Set when the training log has no row in the 7 days before the as-of day (its last
    /// day before it, if any): the team pages say so above the load reasons.
    public var staleTraining: StaleTrainingLog?

    /// Stages a new run folder for the as-of day's ISO week under `out`.
    public convenience init(
        out: String, template: HandoutTemplate, config: ClinicConfig, asOf: Day, clientsFileBytes: Int, hasTraining: Bool,
        sessions: SessionLog? = nil, previous: [String: PlanSnapshot]? = nil
    ) throws {
        try self.init(
            folder: RunFolder(out: out, week: asOf.isoWeekName), template: template, config: config, asOf: asOf,
            clientsFileBytes: clientsFileBytes, hasTraining: hasTraining, sessions: sessions, previous: previous)
    }

    /// Writes into a run folder already staged for the as-of day's ISO week.
    public init(
        folder: RunFolder, template: HandoutTemplate, config: ClinicConfig, asOf: Day, clientsFileBytes: Int, hasTraining: Bool,
        sessions: SessionLog? = nil, previous: [String: PlanSnapshot]? = nil
    ) throws {
        precondition(folder.finalPath.hasSuffix("/" + asOf.isoWeekName), "the run folder is the as-of day's week")
        self.folder = folder
        self.config = config
        self.asOf = asOf
        week = DayRange(from: asOf.adding(days: -(asOf.weekday - 1)), to: asOf.adding(days: 7 - asOf.weekday))
        plans = try PlansSink(folder: folder)
        handouts = try HandoutSink(
            folder: folder, template: template, config: config, asOf: asOf,
            expectedClients: ClientsFile.expectedRows(bytes: clientsFileBytes))
        workbook = try WorkbookSink(
            folder: folder, config: config, asOf: asOf,
            constantMemory: clientsFileBytes > SummaryWorkbook.constantMemoryThresholdBytes, hasTraining: hasTraining,
            hasSessions: sessions != nil)
        requests = try PendingBookings(folder: folder.stagingPath)
        squad = try Squad(folder: folder.stagingPath)
        self.sessions = sessions ?? SessionLog()
        figures = ManagerFigures(asOf: asOf, scratchFolder: folder.stagingPath)
        loads = TeamLoads(asOf: asOf)
        changes = previous.map(ChangesTracker.init)
    }

    /// Writes one client's handout, plan line, print copy and workbook rows; `training` is
    /// the client's log, if any (counted in the squad's daily load, then let go).
    ///
    /// A failure that belongs to this client alone (the file system refuses its handout)
    /// writes nothing of the client and comes back as a sentence for the input-issues
    /// list, so one bad row never stops the others. A broken environment still throws.
    public func add(_ plan: Plan, profile: ClientProfile, training: TrainingHistory? = nil) throws -> String? {
        let clientChanges = changes?.compare(plan, clientID: profile.clientID) ?? []
        if let refused = try timings.measure("handouts", { try handouts.add(plan, profile: profile, changes: clientChanges) }) {
            return refused
        }
        try timings.measure("jsonl") { try plans.add(plan) }
        try timings.measure("workbook") {
            changes?.record(clientChanges, profile: profile)
            let visit = try figures.add(plan, profile: profile, order: count, log: sessions, settings: config.settings, asOf: asOf)
            try workbook.add(plan, profile: profile, visit: visit)
            if let request = BookingRequest(plan: plan, profile: profile, week: week, asOf: asOf, order: count) {
                try requests.append(request, name: profile.name)
            }
            if profile.team != nil || plan.attention != nil {
                try squad.add(SquadMember(order: count, plan: plan, profile: profile))
            }
            if plan.attention != nil, let team = profile.team, let training { loads.add(team: team, history: training) }
        }
        count += 1
        // What the stream lets go (each athlete's training log) goes back to the system
        // now and then, not only at the end (docs/performance.md).
        if count % 16384 == 0 { FreedMemory.release() }
        return nil
    }

    /// Books the week and writes its outputs: the print bundles, `changes.csv`, the
    /// timetable, the bookings in `plans.jsonl`, the team pages, the workbook's summary
    /// sheets (closed and checked) and `input-issues.csv`; then publishes the folder.
    /// Returns its final path.
    public func finish(diagnostics: [Diagnostic], facts: RunFacts) throws -> String {
        let start = StageTimings.now()
        do {
            // 1. Every client is in: the streamed files close.
            sessions.releaseClients()
            FreedMemory.release()
            try plans.closeScratch()
            let changed = changes.take()?.finish()

            // 2. The sheets that total the session log, on the workbook's worker; the log
            // goes with them, before the week's requests come back.
            workbook.then { [log = sessions, figures] summary in
                try summary.writeLogSheets(sessions: log, figures: figures, changes: changed)
            }
            sessions = SessionLog()

            // 3. Meanwhile, what needs neither the log nor the week.
            if let changed { try folder.write("changes.csv", ChangesCSV.text(changed.list)) }
            try workbook.waitForSteps()

            // 4. The week: booked, then its sheets on the workbook's worker and its files here,
            // the handouts of those due with their booked day.
            try writeWeek(diagnostics: diagnostics, facts: facts, changes: changed?.list)
            FreedMemory.release()
        } catch {
            workbook.abandon()
            throw error
        }
        timings.add("week", StageTimings.now() - start)

        // 5. The workbook closed and checked, the issues list, and the folder published.
        let closed = try workbook.close()
        timings.add("workbook", closed.workbookSeconds)
        timings.add("check", closed.checkSeconds)
        try folder.write("input-issues.csv", IssuesCSV.text(diagnostics + closed.warnings))
        return try timings.measure("publish") { try folder.publish() }
    }

    /// Books the week, hands its sheets to the workbook, and writes `timetable.csv`, the
    /// bookings into `plans.jsonl`, the handouts that wait for them, the print files and the
    /// team pages. What it reads back is let go on return.
    private func writeWeek(diagnostics: [Diagnostic], facts: RunFacts, changes: [PlanChange]?) throws {
        let (pending, names) = try requests.readBack()
        let timetable = Timetable.schedule(pending: consume pending, therapists: config.therapists, week: week, asOf: asOf)
        FreedMemory.release()  // what booking let go (its sorting), before the sheets begin
        try squad.seal()
        workbook.then { [squad, loads] summary in
            try summary.writeSheets(
                diagnostics: diagnostics, facts: facts, timetable: timetable, names: names, squad: squad, loads: loads,
                changes: changes)
        }
        let csv = BufferedFile(try folder.create("timetable.csv"), name: folder.path("timetable.csv"))
        try TimetableCSV.write(timetable, to: csv)
        try csv.close()
        // The workbook closes on its worker while the handouts due this week are finished here.
        workbook.beginClosing()
        try plans.finish(booking: timetable)
        try timings.measure("handouts") { try handouts.finish(booking: timetable) }
        try TeamPages.write(
            timetable, squad: squad, names: names, config: config, asOf: asOf, staleTraining: staleTraining, into: folder)
    }
}
