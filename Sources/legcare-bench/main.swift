import Foundation
import LegCareCore
import LegCareIntake
import LegCareNative
import LegCareReports

// Usage: legcare-bench CLIENTS.csv [STAGE]
// Times each pipeline stage on its own over the same file, so a slow stage shows itself.
// With STAGE (validate, jsonl, handouts, names), only that stage runs, ten times over, for a
// profiler (`perf record -g legcare-bench clients.csv handouts`). `legcare-bench summary.xlsx
// check` reads a written workbook's parts ten times over as the run's check does: inflating,
// CRC-32 and the XML scan.
let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "Input/clients.csv"
let only = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : nil
let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
let asOf = Day(iso: "2026-11-23")!

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func report(_ stage: String, _ seconds: Double, _ count: Int) {
    let mbps = size / 1_048_576 / seconds
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print(
        String(
            format: "%-24@ %8.3f s %8.0f MB/s %10.0f rows/s %7d MB peak", stage as NSString, seconds, mbps, Double(count) / seconds,
            usage.ru_maxrss / 1024))
}

if only == "check" {
    let start = now()
    for _ in 0..<10 { try XLSXCheck.verify(path: path) }
    print(String(format: "%-24@ %8.3f s %8.3f s a pass", "check x10" as NSString, now() - start, (now() - start) / 10))
    exit(0)
}

if let only {
    var clients = try ClientsReader(source: ByteSource(path: path), file: "clients.csv")
    var profiles: [ClientProfile] = []
    while let p = try clients.next() { if profiles.count < 20_000 { profiles.append(p) } }
    let plans = profiles.map { PlanEngine().plan(for: $0, asOf: asOf) }
    let template = try HandoutTemplate.load(folder: nil)
    let start = now()
    var bytes = 0
    for _ in 0..<10 {
        switch only {
        case "validate":
            var again = try ClientsReader(source: ByteSource(path: path), file: "clients.csv")
            while try again.next() != nil { bytes &+= 1 }
        case "jsonl":
            for p in plans { bytes &+= PlanJSON.lineBytes(for: p).count }
        case "handouts":
            for (p, plan) in zip(profiles, plans) {
                bytes &+= template.renderBytes(plan: plan, profile: p, config: ClinicConfig(), asOf: asOf).count
            }
        case "names":
            var namer = HandoutFileNamer()
            for p in profiles { bytes &+= namer.name(clientID: p.clientID, name: p.name).utf8.count }
        default:
            print("unknown stage \(only): validate, jsonl, handouts, names or check")
            exit(2)
        }
    }
    report("\(only) x10", now() - start, only == "validate" ? clients.rowsRead * 10 : plans.count * 10)
    exit(bytes == 0 ? 1 : 0)
}

// 1. Field boundaries only.
var start = now()
var reader = try CSVReader(source: ByteSource(path: path))
var records = 0
while try reader.next() != nil { records += 1 }
report("csv records", now() - start, records)

// 2. Records and a String per field.
start = now()
reader = try CSVReader(source: ByteSource(path: path))
var chars = 0
while let r = try reader.next() {
    for i in 0..<r.count { chars &+= r.text(i).value.utf8.count }
}
report("csv + String per field", now() - start, records)

// 3. Validation into profiles.
start = now()
var clients = try ClientsReader(source: ByteSource(path: path), file: "clients.csv")
var profiles: [ClientProfile] = []
while let p = try clients.next() { if profiles.count < 20_000 { profiles.append(p) } }
report("validate", now() - start, clients.rowsRead)

// 4. Plan engine (on up to 20,000 profiles).
let engine = PlanEngine()
start = now()
var plans: [Plan] = []
for p in profiles { plans.append(engine.plan(for: p, asOf: asOf)) }
report("plan engine", now() - start, plans.count)

// 5. plans.jsonl lines.
start = now()
var bytes = 0
for p in plans { bytes &+= PlanJSON.lineBytes(for: p).count }
report("plans.jsonl", now() - start, plans.count)

// 6. Handouts.
let template = try HandoutTemplate.load(folder: nil)
start = now()
for (p, plan) in zip(profiles, plans) { bytes &+= template.renderBytes(plan: plan, profile: p, config: ClinicConfig(), asOf: asOf).count }
report("handouts", now() - start, plans.count)

// 7. Wrapping alone, on one rendered handout repeated.
if let p = profiles.first, let plan = plans.first {
    let text = template.render(plan: plan, profile: p, config: ClinicConfig(), asOf: asOf)
    start = now()
    for _ in 0..<1000 { bytes &+= HandoutTemplate.wrapForBench(text, name: p.name).utf8.count }
    report("wrap x1000", now() - start, 1000)
}

// 8. The whole writer (plans.jsonl, handouts, workbook) into a throwaway run folder.
let out = NSTemporaryDirectory() + "legcare-bench-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: out) }
let writer = try ReportWriter(
    out: out, template: template, config: ClinicConfig(), asOf: asOf, clientsFileBytes: Int(size), hasTraining: false)
start = now()
var written = 0
for copy in 0..<3 {
    for (p, plan) in zip(profiles, plans) {
        var q = p
        q.clientID += "-\(copy)"
        _ = try writer.add(plan, profile: q)
        written += 1
    }
    report("writer, list copy \(copy + 1)", now() - start, written)
}
_ = try writer.finish(diagnostics: [], facts: RunFacts(files: []))
report("writer finish", now() - start, written)
