import ArgumentParser
import Foundation
import LegCareCore

/// `legcare`: the week's recovery paperwork from a client list.
struct LegCareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "legcare",
        abstract: "Turn a clinic's or a team's client list into the week's recovery paperwork.",
        discussion: """
            Exit status: 0 every row accepted; 3 reports written (or checks done) but some \
            rows rejected, see input-issues.csv; 2 nothing written (usage error, missing or \
            unreadable required file, missing required column, bad clinic.yaml, template or catalog).
            """,
        version: "legcare \(Version.text)",
        subcommands: [Report.self, Validate.self, Sample.self, Init.self],
        defaultSubcommand: Report.self
    )
}

/// The input files, shared by `report` and `validate`.
struct InputOptions: ParsableArguments {
    @Option(help: "Client profiles (required).")
    var clients = "Input/clients.csv"
    @Option(help: "Delivered-session log (optional; default Input/sessions.csv if it exists).")
    var sessions: String?
    @Option(help: "Squad daily training log (optional; default Input/training.csv if it exists).")
    var training: String?
    @Option(help: "Clinic settings (optional; default Input/clinic.yaml if it exists).")
    var config: String?
    @Option(name: .customLong("as-of"), help: "The day the plans are made for, YYYY-MM-DD (default: today).")
    var asOf: String?

    func validate() throws {
        if let asOf { try Self.checkAsOf(asOf) }
    }

    /// `--as-of` is a real date in the years 1900-2199.
    static func checkAsOf(_ text: String) throws {
        guard let day = Day(iso: text) else {
            throw ValidationError("--as-of \"\(Diagnostic.safe(text))\" is not a date in the form YYYY-MM-DD")
        }
        guard (1900...2199).contains(day.parts.year) else {
            throw ValidationError("--as-of \(text) is outside the years 1900 to 2199")
        }
    }

    /// The resolved inputs: optional files default to Input/ when present.
    func resolved() -> Inputs {
        func optional(_ given: String?, _ fallback: String) -> String? {
            given ?? (FileManager.default.fileExists(atPath: fallback) ? fallback : nil)
        }
        return Inputs(
            clients: clients, sessions: optional(sessions, "Input/sessions.csv"),
            training: optional(training, "Input/training.csv"), config: optional(config, "Input/clinic.yaml"),
            asOf: asOf.flatMap { Day(iso: $0) } ?? Clock.today())
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the week's reports into <out>/<ISO week>/.",
        discussion: """
            Writes summary.xlsx, plans.jsonl, handouts/ (one .txt per accepted client, in the language \
            of its row's language column or clinic.yaml's: en, es, fr, de, pl, or one the template \
            folder adds), \
            handouts-print.txt, print/ (one bundle per therapist), timetable.csv, teams/ (one page \
            per team for the coach), changes.csv (when an earlier week exists) and input-issues.csv. \
            The folder appears whole or not at all.
            """)

    @OptionGroup var inputs: InputOptions
    @Option(help: "Folder that receives the week's run folder.")
    var out = "Reports"
    @Option(help: "An earlier run folder to compare with (default: the newest earlier week under --out).")
    var previous: String?
    @Flag(
        help:
            "Print each stage's wall time on stderr (intake, plan, handouts, jsonl, workbook, week, check, publish); the workbook runs beside the handouts and the check reads the workbook as it is written, so the stages add up to more than the run."
    )
    var timings = false

    func validate() throws {
        guard !out.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--out must name a folder") }
    }

    func run() throws {
        var resolved = inputs.resolved()
        resolved.previous = previous
        let outcome = try Pipeline.run(resolved, out: out, timings: timings)
        throw ExitCode(outcome.rejected > 0 ? 3 : 0)
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the inputs and list every problem; writes nothing.")

    @OptionGroup var inputs: InputOptions
    @Flag(
        name: .customLong("show-values"),
        help:
            "Show each problem's value (names, birth dates, conditions, ...). By default only ids, rows and columns are printed, since the values are health data."
    )
    var showValues = false

    func run() throws {
        let outcome = try Pipeline.run(inputs.resolved(), out: nil)
        for note in outcome.readingNotes { Swift.print("reading: \(note)") }
        for d in outcome.diagnostics { Swift.print(d.terminalText(showValues: showValues)) }
        throw ExitCode(outcome.rejected > 0 ? 3 : 0)
    }
}

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write realistic synthetic inputs of any size (clients, sessions, training, clinic.yaml).",
        discussion: """
            The same --clients, --seed and --as-of give the same bytes. About one client in ten \
            plays in a team of 15-40 with a 35-day training log; each client's sessions of the last \
            12 weeks come at their load's interval, so utilisation, demand and overdue clients fit \
            one clinic; about 1 row in 100 has a bad value, so the rejection path is exercised too. \
            The logs end the day before --as-of. Names and numbers are invented.
            """)

    /// The largest list `sample` makes: about 1.5 GB of clients.csv.
    static let maxClients = 10_000_000

    @Option(help: "How many clients (1 to 10,000,000).")
    var clients: Int
    @Option(help: "Seed for the random choices.")
    var seed: UInt64 = 1
    @Option(name: .customLong("as-of"), help: "The day the data is made around, YYYY-MM-DD.")
    var asOf = "2026-11-23"
    @Option(help: "Folder to write the four files into.")
    var out: String

    func validate() throws {
        guard (1...Self.maxClients).contains(clients) else {
            throw ValidationError("--clients must be a whole number from 1 to 10,000,000")
        }
        try InputOptions.checkAsOf(asOf)
    }

    func run() throws {
        var generator = SampleGenerator(clients: clients, seed: seed, asOf: Day(iso: asOf)!)
        try generator.write(to: out)
    }
}

/// Today's date in the local time zone: the only clock LegCare reads.
enum Clock {
    static func today() -> Day {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}
