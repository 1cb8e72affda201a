import Foundation
import LegCareCore

/// Writes a run's outputs as plans arrive, one client at a time, so memory stays flat:
/// `plans.jsonl`, `handouts/`, `handouts-print.txt`, `summary.xlsx` and, at the end, the
/// week's timetable (`timetable.csv`, bookings in `plans.jsonl`), the coaches' pages
/// (`teams/`) and `input-issues.csv`. Nothing is visible until `finish` publishes.
public final class ReportWriter {
    private let folder: RunFolder
    private let template: HandoutTemplate
    private let config: ClinicConfig
    private let asOf: Day
    private let plans: BufferedFile
    private let print: BufferedFile
    private let handoutsPath: String
    private var namer = HandoutFileNamer()
    private var count = 0
    /// The workbook's client rows, written on a second thread.
    private let feeder: WorkbookFeeder
    private let week: DayRange
    /// Clients due a session this week, with their names, on disk until the week is
    /// booked; `order` is their plans.jsonl line.
    private let requests: PendingBookings
    /// Names of the clients due a session, by line: read back with the requests.
    private var names = ClientNames()
    /// Squad members (a team, or training rows), for the Squad sheet and team pages: on
    /// disk, sealed after the stream; `nil` once both are written.
    private var squad: Squad?
    /// The squads' daily loads, for the Squad sheet's chart.
    private var loads: TeamLoads
    private static let scratchPlans = "plans.jsonl.part"
    /// Between two handouts in the print files: a form feed, a new page on a printer.
    private static let pageBreak = "\u{0C}"
    private var sessions: SessionLog
    /// Attendance and forecast for the manager's sheets.
    private var figures: ManagerFigures

    /// Last week's plans not yet matched by a client of this week (`nil`: a first run).
    private var previous: [String: PlanSnapshot]?
    /// Changes since last week, and the names of the clients they concern.
    private var changes: [PlanChange] = []
    private var changeNames: [String: String] = [:]
    /// Where each therapist's handouts lie in `handouts-print.txt`, for
    /// `print/<therapist>.txt`.
    private var bundles: PrintBundles

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

    /// Writes into a run folder already staged for the as-of day's ISO week (the pipeline
    /// stages it before reading the logs, so the training log can wait on disk there).
    public init(
        folder: RunFolder, template: HandoutTemplate, config: ClinicConfig, asOf: Day, clientsFileBytes: Int, hasTraining: Bool,
        sessions: SessionLog? = nil, previous: [String: PlanSnapshot]? = nil
    ) throws {
        precondition(folder.finalPath.hasSuffix("/" + asOf.isoWeekName), "the run folder is the as-of day's week")
        self.folder = folder
        self.template = template
        self.config = config
        self.asOf = asOf
        week = DayRange(from: asOf.adding(days: -(asOf.weekday - 1)), to: asOf.adding(days: 7 - asOf.weekday))
        plans = BufferedFile(try folder.create(Self.scratchPlans))
        print = BufferedFile(try folder.create("handouts-print.txt"))
        handoutsPath = try folder.folder("handouts")
        let summary = try SummaryWorkbook(
            path: folder.path("summary.xlsx"), tmpdir: folder.stagingPath, config: config, asOf: asOf,
            constantMemory: clientsFileBytes > SummaryWorkbook.constantMemoryThresholdBytes, hasTraining: hasTraining,
            hasSessions: sessions != nil)
        feeder = WorkbookFeeder(summary)
        requests = try PendingBookings(folder: folder.stagingPath)
        bundles = try PrintBundles(separator: Self.pageBreak.utf8.count, scratchFolder: folder.stagingPath)
        squad = try Squad(folder: folder.stagingPath)
        self.sessions = sessions ?? SessionLog()
        figures = ManagerFigures(asOf: asOf, scratchFolder: folder.stagingPath)
        loads = TeamLoads(asOf: asOf)
        self.previous = previous
        namer = HandoutFileNamer(expected: ClientsFile.expectedRows(bytes: clientsFileBytes))
    }

    /// Writes one client's handout, plan line, print copy and workbook rows; `training` is
    /// the client's log, if any (counted in the squad's daily load, then let go).
    ///
    /// A failure that belongs to this client alone (the file system refuses its handout)
    /// writes nothing of the client and comes back as a sentence for the input-issues
    /// list, so one bad row never stops the others. A broken environment (disk full, no
    /// permission) still throws.
    public func add(_ plan: Plan, profile: ClientProfile, training: TrainingHistory? = nil) throws -> String? {
        let start = StageTimings.now()
        let clientChanges = previous.map { PlanChange.between($0[profile.clientID], PlanSnapshot(plan)) } ?? []
        let text = template.renderBytes(plan: plan, profile: profile, config: config, asOf: asOf, changes: clientChanges)
        let name = namer.name(clientID: profile.clientID, name: profile.name)
        do {
            try folder.write("handouts/" + name, bytes: text)
        } catch let error as RunFolderError where !error.isEnvironmental {
            return "could not be written: its handout file was refused (\(error.reason)); expected a row LegCare can save"
        }
        if count > 0 { try print.write(Self.pageBreak) }
        try bundles.add(therapist: profile.therapist ?? "", offset: print.offset, length: text.count)
        try print.write(bytes: text)
        let handoutsDone = StageTimings.now()
        timings.add("handouts", handoutsDone - start)
        try timings.measure("jsonl") { try plans.write(bytes: PlanJSON.lineBytes(for: plan)) }
        let workbookStart = StageTimings.now()
        if previous != nil {
            previous![profile.clientID] = nil
            changes += clientChanges
            if !clientChanges.isEmpty { changeNames[profile.clientID] = profile.name }
        }
        let visit = try figures.add(plan, profile: profile, order: count, log: sessions, settings: config.settings, asOf: asOf)
        try feeder.add(plan, profile: profile, visit: visit)
        if let request = BookingRequest(plan: plan, profile: profile, week: week, asOf: asOf, order: count) {
            try requests.append(request, name: profile.name)
        }
        if profile.team != nil || plan.attention != nil {
            try squad!.add(SquadMember(order: count, plan: plan, profile: profile))
        }
        if plan.attention != nil, let team = profile.team, let training { loads.add(team: team, history: training) }
        timings.add("workbook", StageTimings.now() - workbookStart)
        count += 1
        // What the stream lets go as it goes (each athlete's training log, read on a thread
        // now gone) is handed back now and then, not only at the end (measured at 1,000,000
        // clients: peak 529 MB -> 454 MB, wall time unchanged; a trim takes a few ms).
        if count % 16384 == 0 { FreedMemory.release() }
        return nil
    }

    /// Books the week, writes the timetable, the bookings into `plans.jsonl`, the team
    /// pages, the input issues and the workbook's summary sheets, checks the workbook, and
    /// publishes the folder. Returns its final path.
    ///
    /// The workbook's thread first writes the sheets of the session log and the manager's
    /// figures, and this one waits for them, so the log is gone before the week's requests
    /// come back. Once the week is booked, the workbook's other sheets, its closing and its
    /// check run on that thread while this one writes the timetable, the bookings, the
    /// print bundles and the team pages (measured: about 2 s each way at 100,000 clients).
    /// Each output is written by one thread only, so the bytes do not depend on timing.
    public func finish(
        diagnostics: [Diagnostic], facts: RunFacts
    ) throws -> String {
        let start = StageTimings.now()
        // The summary sheets read the log's volumes only.
        sessions.releaseClients()
        FreedMemory.release()  // what the stream let go: the training log, read on a thread now gone
        try plans.close()
        try print.close()
        if let gone = previous?.values { changes += gone.map(PlanChange.gone) }
        changes.sort()
        // What only the stream needed goes before the requests come back (measured with
        // massif: 24 MB of 187 MB at 100,000 clients).
        namer = HandoutFileNamer()
        FreedMemory.release()
        // The session log is handed to the workbook's thread, which writes the sheets it
        // makes and lets it go before the week's requests come back; this thread needs it
        // no more.
        let log = Handoff(sessions)
        sessions = SessionLog()
        let closing = WorkbookClosing(feeder: feeder, folder: folder) { [log, figures, changes, changeNames, previous] summary in
            try summary.writeLogSheets(
                sessions: log.take(), figures: figures, changes: previous == nil ? nil : (changes, changeNames))
        }
        var handedOver = false
        do {
            // Meanwhile, what needs neither the log nor the week: the print bundles (which
            // let go of their 8 MB at a million before the requests come back) and
            // changes.csv, instead of waiting idle (seven pairs at 100,000 clients put that
            // wait at up to 0.1 s, within the machine's noise).
            try writeBundles()
            bundles = PrintBundles(separator: Self.pageBreak.utf8.count)
            if previous != nil { try folder.write("changes.csv", ChangesCSV.text(changes)) }
            try closing.firstDone()
            // The rows are booked in place: handed over whole, so they are never copied.
            let pending: Timetable.Pending
            (pending, names) = try requests.readBack()
            let timetable = Timetable.schedule(pending: consume pending, therapists: config.therapists, week: week, asOf: asOf)
            FreedMemory.release()  // what booking let go (its sorting), before the sheets begin
            let squad = self.squad!
            try squad.seal()
            self.squad = nil
            closing.then { [diagnostics, facts, names, squad, loads, changes, previous] summary in
                try summary.writeSheets(
                    diagnostics: diagnostics, facts: facts, timetable: timetable, names: names, squad: squad, loads: loads,
                    changes: previous == nil ? nil : changes)
            }
            handedOver = true
            let csv = BufferedFile(try folder.create("timetable.csv"))
            try TimetableCSV.write(timetable, to: csv)
            try csv.close()
            let rows = timetable.rows
            // Places in the timetable (4 bytes each), sorted in place.
            var byLine = rows.indices.map { Int32($0) }
            byLine.sort { rows.order(at: Int($0)) < rows.order(at: Int($1)) }
            let final = try folder.create("plans.jsonl")
            try PlanLinesBooking.copy(
                from: folder.path(Self.scratchPlans), to: final,
                bookings: byLine.lazy.map { (line: rows.order(at: Int($0)), json: PlanLinesBooking.json(rows[Int($0)])) })
            try final.close()
            try folder.remove(Self.scratchPlans)
            try writeTeamPages(timetable, squad: squad)
            // The rest of the run needs none of these: let go of this thread's copies
            // before the workbook's long closing (the workbook's thread lets go of its own
            // once its sheets are written).
            names = ClientNames()
            loads = TeamLoads(asOf: asOf)
            changes = []
            changeNames = [:]
            previous = nil
            FreedMemory.release()
        } catch {
            if !handedOver { closing.then(nil) }  // the workbook is given up, not closed
            _ = try? closing.wait()
            throw error
        }
        timings.add("week", StageTimings.now() - start)
        let closed = try closing.wait()
        timings.add("workbook", feeder.seconds + closed.workbookSeconds)
        timings.add("check", closed.checkSeconds)
        try folder.write("input-issues.csv", IssuesCSV.text(diagnostics + closed.warnings))
        return try timings.measure("publish") { try folder.publish() }
    }

    deinit { feeder.abandon() }

    /// `print/<therapist>.txt` (and `print/unassigned.txt`): each therapist's handouts,
    /// copied from `handouts-print.txt`, which holds every handout in input order. One
    /// bundle is open at a time, so a league with thousands of therapists never holds
    /// thousands of files open. (Measured: reading each handout file back cost a
    /// hundred thousand opens on a large list; this reads one file.)
    private func writeBundles() throws {
        _ = try folder.folder("print")
        let path = folder.path("handouts-print.txt")
        let source = open(path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw RunFolderError(path: path, operation: "read back", code: errno) }
        defer { close(source) }
        var namer = HandoutFileNamer()
        let unassigned = namer.name(clientID: "", name: "unassigned")
        // One buffer for every read (measured: a new array per handout was a visible share
        // of this at 1,000,000 clients).
        var bytes = [UInt8](repeating: 0, count: bundles.longest)
        try bundles.forEachTherapist { therapist, ranges in
            let file = BufferedFile(
                try folder.create("print/" + (therapist.isEmpty ? unassigned : namer.name(clientID: "", name: therapist))))
            for (i, range) in ranges.enumerated() {
                if i > 0 { try file.write(Self.pageBreak) }
                try bytes.withUnsafeMutableBytes { buffer in
                    let read = pread(source, buffer.baseAddress, range.count, off_t(range.lowerBound))
                    guard read == range.count else {
                        throw RunFolderError(path: path, operation: "read back", code: read < 0 ? errno : EIO)
                    }
                    try file.write(UnsafeRawBufferPointer(rebasing: buffer[0..<range.count]))
                }
            }
            try file.close()
        }
    }

    /// `teams/<slug>.txt` for every named team, in name order.
    private func writeTeamPages(_ timetable: Timetable, squad: Squad) throws {
        // The timetable's rows grouped in one pass: filtering them once per team grew with
        // teams x athletes (49 s of a 1,000,000-client run).
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

/// The run's facts for the overview: rows read, accepted and rejected per file.
public struct RunFacts: Sendable {
    public struct FileCount: Sendable {
        public var file: String
        public var read: Int
        public var accepted: Int
        public var rejected: Int
        public init(file: String, read: Int, accepted: Int, rejected: Int) {
            self.file = file
            self.read = read
            self.accepted = accepted
            self.rejected = rejected
        }
    }
    public var files: [FileCount]
    public init(files: [FileCount]) { self.files = files }
}

/// A value handed from one thread to another, whole: the taker becomes its only owner, so
/// it is freed when the taker lets it go. Taken once; the giver keeps no copy and never
/// touches the box again, which is why it is `@unchecked Sendable`.
final class Handoff<Value>: @unchecked Sendable {
    private var value: Value?

    init(_ value: Value) { self.value = value }

    func take() -> Value {
        guard let taken = value.take() else { preconditionFailure("a hand-off is taken once") }
        return taken
    }
}

/// The end of the workbook on its own thread, in two steps: first the sheets that need
/// only what the stream made (`first`), then, once the caller has booked the week, the
/// rest (`then(_:)`), closing the file, protecting it and checking it (the check follows
/// the file on a third thread as it is written). The workbook and the closures' values
/// are touched by that thread only until ``wait()`` returns; the folder is used for
/// `summary.xlsx` only, which the caller's thread never touches meanwhile: that is why
/// this type is `@unchecked Sendable`.
///
/// ```swift
/// let closing = WorkbookClosing(feeder: feeder, folder: folder) { try $0.writeLogSheets(...) }
/// try closing.firstDone()          // the first sheets are written
/// closing.then { try $0.writeSheets(...) }
/// let outcome = try closing.wait()
/// ```
final class WorkbookClosing: @unchecked Sendable {
    struct Outcome {
        var warnings: [Diagnostic]
        var workbookSeconds: Double
        var checkSeconds: Double
    }

    private var result: Result<Outcome, Error>?
    private var firstResult: Result<Void, Error>?
    private let done = DispatchSemaphore(value: 0)
    private let firstWritten = DispatchSemaphore(value: 0)
    private let rest = DispatchSemaphore(value: 0)
    private let feeder: WorkbookFeeder
    private let folder: RunFolder
    private var first: ((SummaryWorkbook) throws -> Void)?
    /// Writes the remaining sheets; `nil` after ``then(_:)`` when the run was given up. Let
    /// go (with the run's data it holds) before the workbook closes. (Measured at
    /// 1,000,000 clients: the timetable, names, squad and log it held were about 75 MB
    /// kept through the 40-50 s of closing, the run's peak.)
    private var sheets: ((SummaryWorkbook) throws -> Void)?

    init(feeder: WorkbookFeeder, folder: RunFolder, first: @escaping (SummaryWorkbook) throws -> Void) {
        self.feeder = feeder
        self.folder = folder
        self.first = first
        let thread = Thread { [self] in
            let outcome = Result { try close() }
            result = outcome
            // Failed before the first sheets were written: the caller waiting for them
            // hears it too.
            if firstResult == nil, case .failure(let error) = outcome {
                firstResult = .failure(error)
                firstWritten.signal()
            }
            done.signal()
        }
        thread.name = "legcare-workbook-close"
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func close() throws -> Outcome {
        var start = StageTimings.now()
        let summary = try feeder.finish()
        // The check follows the file while libxlsxwriter writes it, on the core this
        // thread leaves idle while it deflates.
        let follower = XLSXFollower(path: folder.path("summary.xlsx"))
        let warnings: [Diagnostic]
        do {
            try first?(summary)
            first = nil
            firstResult = .success(())
            firstWritten.signal()
            let waited = StageTimings.now()
            rest.wait()
            start += StageTimings.now() - waited  // the caller's booking is not the workbook's time
            do {
                // Taken in a scope of its own, so the closure and what it holds are let go
                // at its end, before the closing (a binding of the function's scope kept
                // them: 144 MB through the closing at 1,000,000 clients instead of 75).
                guard let sheets = sheets.take() else { throw CancellationError() }
                try sheets(summary)
            }
            FreedMemory.release()
            warnings = try summary.close()
        } catch {
            _ = follower.finish()
            throw error
        }
        let followed = follower.finish()
        try folder.protect("summary.xlsx")
        let workbookSeconds = StageTimings.now() - start
        start = StageTimings.now()
        try XLSXCheck.verify(path: folder.path("summary.xlsx"), followed: followed)
        // The check's cost: its work while following, and what was left after the writer.
        let checkSeconds = followed.busySeconds + StageTimings.now() - start
        return Outcome(warnings: warnings, workbookSeconds: workbookSeconds, checkSeconds: checkSeconds)
    }

    /// Waits for the first sheets to be written; throws what that thread threw.
    func firstDone() throws {
        firstWritten.wait()
        try firstResult!.get()
    }

    /// Hands over the remaining sheets (`nil`: the run was given up, and the workbook is
    /// not closed). Call once, after ``firstDone()``.
    func then(_ sheets: ((SummaryWorkbook) throws -> Void)?) {
        self.sheets = sheets
        rest.signal()
    }

    /// Waits for the workbook to be closed and checked; throws what that thread threw.
    func wait() throws -> Outcome {
        done.wait()
        return try result!.get()
    }
}
