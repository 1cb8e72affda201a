import Foundation
import LegCareCore
import LegCareIntake
import LegCareReports

/// The bodies of the fuzz targets (`make fuzz`), shared with `swift test`, which replays
/// every input the fuzzers kept (`Tests/LegCareFuzzingTests/corpus/<target>/`) through
/// the very same code. Each returns normally on any input; a broken invariant traps.
///
/// ```swift
/// FuzzTargets.run("csv", Array("a,b\n1,2\n".utf8))
/// ```
public enum FuzzTargets {
    /// The targets by name, as `make fuzz` and the corpus folders name them.
    public static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "csv": csvReader, "clients": clientsReader, "namer": fileNamer, "config": clinicConfig, "workbook": workbook,
    ]

    /// Runs the named target on one input.
    public static func run(_ target: String, _ bytes: [UInt8]) {
        all[target]?(bytes)
    }

    /// The CSV reader over any bytes, in small chunks: every field of every record decodes.
    public static func csvReader(_ bytes: [UInt8]) {
        guard var reader = try? CSVReader(source: ByteSource(bytes: bytes, chunkSize: 7)) else { return }
        var rows = 0
        while let record = try? reader.next() {
            precondition(record.row > rows, "rows go forward")
            rows = record.row
            for i in 0..<record.count { _ = record.text(i) }
        }
    }

    /// Validation of any bytes as `clients.csv`: accepted + rejected = rows read.
    public static func clientsReader(_ bytes: [UInt8]) {
        guard var reader = try? ClientsReader(source: ByteSource(bytes: bytes, chunkSize: 64), file: "clients.csv") else { return }
        var accepted = 0
        while let profile = try? reader.next() {
            _ = PlanEngine().plan(for: profile, asOf: Day(iso: "2026-11-23")!)
            accepted += 1
        }
        precondition(reader.accepted == accepted, "every accepted row came out")
        precondition(reader.accepted + reader.rejected == reader.rowsRead, "accepted + rejected = rows read")
    }

    /// Handout names for any id and name (split at the first NUL byte): always
    /// `^[A-Za-z0-9._-]{1,100}$`, never `.` or `..`, never repeated.
    public static func fileNamer(_ bytes: [UInt8]) {
        let cut = bytes.firstIndex(of: 0) ?? bytes.count
        let id = String(decoding: bytes[..<cut], as: UTF8.self)
        let name = String(decoding: bytes[min(cut + 1, bytes.count)...], as: UTF8.self)
        var namer = HandoutFileNamer()
        let first = namer.name(clientID: id, name: name)
        let second = namer.name(clientID: id, name: name)
        for file in [first, second] {
            precondition((1...100).contains(file.utf8.count) && file != "." && file != "..", "length: \(file)")
            precondition(
                file.utf8.allSatisfy { b in
                    b == 0x2E || b == 0x2D || b == 0x5F || (0x30...0x39).contains(b) || (0x41...0x5A).contains(b)
                        || (0x61...0x7A).contains(b)
                }, "characters: \(file)")
        }
        precondition(first.lowercased() != second.lowercased(), "unique")
    }

    /// A whole run folder for two clients whose every text field comes from the input
    /// (split at NUL bytes: name, team, therapist, clinic name, a rejected row's value):
    /// the workbook passes its check, so it is well formed and reads back.
    public static func workbook(_ bytes: [UInt8]) {
        var texts = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        while texts.count < 5 { texts.append("x") }
        let asOf = Day(iso: "2026-11-23")!
        var config = ClinicConfig()
        config.clinicName = texts[3]
        config.therapists = [.init(name: texts[2].isEmpty ? "T" : texts[2], hoursAvailable: 10)]
        let out = NSTemporaryDirectory() + "fuzz-workbook-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: out) }
        do {
            let writer = try ReportWriter(
                out: out, template: try HandoutTemplate.load(folder: nil), config: config, asOf: asOf, clientsFileBytes: 0,
                hasTraining: false)
            for id in ["F1", "F2"] {
                let profile = ClientProfile(
                    clientID: id, name: texts[0], team: texts[1], therapist: texts[2], trainingLoad: .heavy, soreAreas: [.calves],
                    conditions: id == "F2" ? [.acuteInjury] : [], lastMassage: Day(iso: "2026-10-01"))
                _ = try writer.add(PlanEngine().plan(for: profile, asOf: asOf), profile: profile)
            }
            let issue = Diagnostic(.error, file: "clients.csv", row: 3, column: "name", value: texts[4], message: texts[4])
            _ = try writer.finish(diagnostics: [issue], facts: RunFacts(files: []))
        } catch {
            preconditionFailure("the run failed: \(error)")
        }
    }

    /// `clinic.yaml` from any text: a configuration or an ``IntakeError``, nothing else.
    public static func clinicConfig(_ bytes: [UInt8]) {
        do {
            let config = try ClinicConfigLoader.load(yaml: String(decoding: bytes, as: UTF8.self), file: "clinic.yaml")
            precondition(config.therapists.allSatisfy { $0.minutesPerDay >= 0 }, "no negative hours")
        } catch is IntakeError {
        } catch {
            preconditionFailure("an error that is not an IntakeError: \(error)")
        }
    }
}
