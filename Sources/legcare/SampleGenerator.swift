import Foundation
import LegCareCore

/// `legcare sample`: realistic synthetic inputs of any size, the same bytes for the same
/// seed: `clients.csv` (every column, most clients cleared, a share referred, about one
/// client in ten in a team of 15-40, names in several scripts, about 1 row in 100 with a
/// bad value), `sessions.csv` with every visit of the last 12 weeks at each client's
/// interval (so historic utilisation, this week's demand and the overdue count fit one
/// clinic), `training.csv` for the squads, and a `clinic.yaml` whose therapists fit the list.
/// Files are written as they are made, so a million clients take little memory.
struct SampleGenerator {
    let clients: Int
    let asOf: Day
    private var state: UInt64

    init(clients: Int, seed: UInt64, asOf: Day) {
        self.clients = clients
        self.asOf = asOf
        state = seed &+ 0x5DEE_CE66
    }

    static let given = [
        "Ana", "Ben", "Chloé", "Dmitri", "Émile", "Fatima", "Grace", "Hiro", "Ines", "Jonas", "Kwame", "Léa", "Mateo", "Nora",
        "Oskar", "Priya", "Sami", "Tomás", "Yusuf", "Zoë", "Søren", "Ngozi", "Aoife", "Lucía",
    ]
    static let family = [
        "Silva", "Okafor", "Martin", "Berg", "Haddad", "Nowak", "Rossi", "Kaya", "Zhou", "Müller", "O'Connell",
        "Fernández", "Wiśniewska", "Lindqvist", "Adeyemi", "Byrne", "Diallo", "Castillo", "Raman", "Nkemelu",
    ]
    /// Whole names in other scripts, about 1 in 12.
    static let other = [
        "张伟", "王芳", "Дмитрий Иванов", "Анна Петрова", "محمد علي", "فاطمة حسن", "佐藤 花子", "김민준", "Νίκος Παπαδόπουλος", "राहुल शर्मा",
    ]
    static let sports = [
        "running", "cycling", "triathlon", "football", "rugby", "tennis", "netball", "hockey", "athletics", "gym", "walking", "none",
    ]
    static let areas = ["hamstrings", "quadriceps", "adductors", "calves", "glutes", "it_band", "shins", "hip_flexors", "plantar_fascia"]
    /// Mostly none; the rest weighted towards the common ones; a few that refer.
    static let conditions = [
        "chronic_knots", "chronic_knots", "stuck_mobility", "posture_problems", "long_effort", "hamstring_strain_history",
        "skin_condition", "varicose_veins", "niggle_over_a_week", "tendinopathy", "hamstring_strain", "acute_injury", "pregnancy",
        "anticoagulants", "recent_surgery", "fever", "dvt_signs", "soreness_over_a_week", "osteoporosis", "injury_recovery_cleared",
    ]
    static let kinds = ["sports", "sports", "sports", "deep_tissue", "neuromuscular", "myofascial", "swedish", "other"]

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    private mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
    private mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    private mutating func pick<T>(_ all: [T]) -> T { all[int(0...(all.count - 1))] }

    /// One therapist per 60 clients (at least 2), working 20-36 hours.
    var therapistCount: Int { max(2, clients / 60) }
    func therapist(_ i: Int) -> String { "Therapist \(i + 1)" }

    /// Writes the four files into `folder`.
    mutating func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var yaml = "clinic_name: LegCare sample clinic\nemergency_number: \"999\"\nweek_start: monday\ntherapists:\n"
        for i in 0..<therapistCount {
            yaml += "  - name: \(therapist(i))\n    hours: \(int(20...36))\n"
            if chance(30) { yaml += "    days: [mon, tue, thu, fri]\n" }
        }
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: folder + "/clinic.yaml"))

        let clientsOut = try Output(folder + "/clients.csv")
        let sessionsOut = try Output(folder + "/sessions.csv")
        let trainingOut = try Output(folder + "/training.csv")
        clientsOut.append(
            "client_id,name,date_of_birth,team,therapist,activity,occupation,training_load,last_hard_session,next_event,sore_areas,pain_level,conditions,tools,pressure,last_massage,session_minutes,language\n"
        )
        sessionsOut.append("session_id,client_id,date,therapist,kind,minutes,status\n")
        trainingOut.append("client_id,date,minutes,rpe,fatigue,sleep,soreness,stress,mood\n")
        var team = 0
        var teamLeft = 0
        var session = 0
        for i in 0..<clients {
            let id = String(format: "S%07d", i + 1)
            // About one client in ten plays in a squad of 15-40.
            var squad: String?
            if teamLeft > 0 || int(1...1000) <= 4 {
                if teamLeft == 0 {
                    team += 1
                    teamLeft = int(15...40)
                }
                teamLeft -= 1
                squad = "Team \(team)"
            }
            let name = chance(8) ? pick(Self.other) : "\(pick(Self.given)) \(pick(Self.family))"
            let therapistName = chance(95) ? therapist(int(0...(therapistCount - 1))) : ""
            let sport = squad != nil ? pick(["football", "rugby", "netball", "hockey"]) : pick(Self.sports)
            let load = pick(["none", "light", "moderate", "moderate", "heavy"])
            let hard = chance(60) ? asOf.adding(days: -int(1...9)).description + (chance(50) ? "T\(int(10...20)):00" : "") : ""
            let event = chance(squad != nil ? 90 : 30) ? asOf.adding(days: int(1...20)).description : ""
            let sore = (0..<int(0...3)).map { _ in pick(Self.areas) }
            let conds = chance(75) ? [] : (0..<int(1...2)).map { _ in pick(Self.conditions) }
            let tools = ["foam_roller", "massage_stick", "massage_ball", "spiky_ball"].filter { _ in chance(40) }
            // Each client comes back every interval of their load, as the plans ask: their last
            // visit lies somewhere in the last interval, so about one in (interval / 7) is
            // due this week, and the log's 12 weeks hold every visit before it; a few have
            // let it slip and are overdue.
            let interval = ["none": 28, "light": 21, "moderate": 14, "heavy": 7][load]!
            let lastVisit = asOf.adding(days: -(chance(6) ? interval + int(1...21) : int(1...interval)))
            let last = chance(50) ? lastVisit.description : ""  // else the log's last visit counts
            var pain = String(int(0...8))
            if chance(1) { pain = pick(["11", "lots", "-2"]) }  // a bad value now and then
            let fields = [
                id, name.contains(",") ? "\"\(name)\"" : name, asOf.adding(days: -int(6_500...25_000)).description, squad ?? "",
                therapistName,
                sport, pick(["desk", "standing", "manual", "other"]), load, hard, event, sore.joined(separator: ";"), pain,
                conds.joined(separator: ";"), tools.joined(separator: ";"), pick(["light", "moderate", "firm"]), last,
                chance(50) ? pick(["30", "45", "60", "90"]) : "",
                // One client in twelve reads another language, one in 400 a language LegCare has no
                // catalog for. From the row number, so the rest of the sample stays as it was.
                i % 12 == 5 ? ["es", "fr", "de", "pl", "es-MX", "fr-CA"][(i / 12) % 6] : i % 400 == 7 ? "pt-BR" : "",
            ]
            clientsOut.append(fields.joined(separator: ",") + "\n")

            // Delivered sessions over the last 12 weeks: one every interval back from the
            // last visit, most completed; a client new to the clinic has fewer.
            if !therapistName.isEmpty {
                let minutes = pick([45, 60, 60, 90])
                var day = lastVisit
                let first = asOf.adding(days: -(chance(80) ? 84 : int(7...84)))
                while day >= first {
                    session += 1
                    let status = day == lastVisit || chance(88) ? "completed" : chance(60) ? "cancelled" : "no_show"
                    sessionsOut.append("X\(session),\(id),\(day),\(therapistName),\(pick(Self.kinds)),\(minutes),\(status)\n")
                    day = day.adding(days: -interval - int(0...2))
                }
                // Now and then a booking after the last visit was missed: without these the
                // last weeks would show no cancellations or no-shows at all.
                let missed = lastVisit.adding(days: int(1...6))
                if missed < asOf && chance(12) {
                    session += 1
                    let status = chance(60) ? "cancelled" : "no_show"
                    sessionsOut.append("X\(session),\(id),\(missed),\(therapistName),\(pick(Self.kinds)),\(minutes),\(status)\n")
                }
            }
            // A squad's daily log: 35 days up to the day before the as-of day, Sundays off,
            // wellness most days.
            if squad != nil {
                let norm = int(3...4)
                for back in 1...35 where asOf.adding(days: -back).weekday != 7 {
                    let day = asOf.adding(days: -back)
                    let w = (0..<5).map { _ in String(min(5, max(1, norm + int(-1...1)))) }.joined(separator: ",")
                    trainingOut.append("\(id),\(day),\(int(30...110)),\(int(3...9)),\(w)\n")
                }
            }
        }
        try clientsOut.close()
        try sessionsOut.close()
        try trainingOut.close()
    }

    /// A file written through a 1 MiB buffer.
    final class Output {
        private let handle: FileHandle
        private var buffer: [UInt8] = []

        init(_ path: String) throws {
            guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            handle = h
            buffer.reserveCapacity(1 << 20)
        }

        func append(_ s: String) {
            buffer += s.utf8
            if buffer.count >= 1 << 20 {
                handle.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }

        func close() throws {
            handle.write(Data(buffer))
            try handle.close()
        }
    }
}
