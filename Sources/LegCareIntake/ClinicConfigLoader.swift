import LegCareCore
import Yams

/// Reads `clinic.yaml`: who the handouts come from, therapists' hours, and thresholds.
///
/// A missing file gives neutral defaults. A malformed file throws ``IntakeError`` naming
/// the line and key (exit 2, nothing written): an unknown key is an error too, because a
/// misspelt threshold would otherwise be ignored in silence.
///
/// ```yaml
/// clinic_name: Riverside Sports Therapy
/// week_start: monday
/// therapists:
///   - name: Ana Silva
///     hours: 30
/// thresholds:
///   pain_gate: 7
/// ```
public enum ClinicConfigLoader {
    /// Parses the YAML text; `file` names it in errors, `folder` resolves `template_folder`.
    public static func load(yaml: String, file: String, folder: String = ".") throws -> ClinicConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw IntakeError(
                file: file, reason: .config(line: line(of: error), key: "", problem: "is not valid YAML (\(problem(of: error)))"))
        }
        var config = ClinicConfig()
        config.input.configFile = file
        guard let root else { return config }
        var r = Walker(file: file)
        let top = try r.mapping(root, key: "(top level)")
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "clinic_name": config.clinicName = try r.text(value, key: key)
            case "contact": config.contactLine = try r.text(value, key: key)
            case "booking": config.bookingLine = try r.text(value, key: key)
            case "footer": config.footer = try r.text(value, key: key)
            case "emergency_number":
                let number = try r.text(value, key: key).trimmingWhitespace()
                guard !number.isEmpty, number.count <= 20, number.allSatisfy({ $0.isNumber || $0 == " " || $0 == "+" }) else {
                    throw r.error(value, key, "must be a phone number such as \"999\" or \"112\"")
                }
                config.emergencyNumber = number
            case "week_start":
                let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
                let text = try r.text(value, key: key).lowercased()
                guard let i = days.firstIndex(of: text) else { throw r.error(value, key, "must be a day name, monday to sunday") }
                config.weekStart = i + 1
            case "template_folder":
                let path = try r.text(value, key: key)
                config.templateFolder = path.hasPrefix("/") ? path : "\(folder)/\(path)"
            case "therapists":
                guard case .sequence(let items) = value else {
                    throw r.error(value, key, "must be a list of therapists, each with a name and hours")
                }
                // Names seen so far in a set: a league's thousands of therapists made a
                // search of the list per name quadratic.
                var named = Set(config.therapists.map(\.name))
                for item in items {
                    var name: String?
                    var hours: Double?
                    var days: [Int]?
                    for (k, v) in try r.mapping(item, key: key) {
                        switch k.string ?? "" {
                        case "name":
                            let text = try r.text(v, key: "therapists.name").trimmingWhitespace()
                            guard !text.isEmpty else {
                                throw r.error(v, "therapists.name", "is blank; each therapist needs a name clients can be booked with")
                            }
                            if !named.insert(text).inserted {
                                throw r.error(v, "therapists.name", "\"\(text)\" is named twice; each therapist once")
                            }
                            name = text
                        case "hours": hours = try r.number(v, key: "therapists.hours", 0...80)
                        case "days": days = try weekdays(v, walker: r)
                        default: throw r.error(k, "therapists.\(k.string ?? "")", "is not a therapist key (name, hours, days)")
                        }
                    }
                    guard let name else { throw r.error(item, key, "each therapist needs a name") }
                    config.therapists.append(.init(name: name, hoursAvailable: hours ?? 0, days: days ?? [1, 2, 3, 4, 5]))
                }
            case "wellness":
                for (k, v) in try r.mapping(value, key: key) {
                    switch k.string ?? "" {
                    case "amber_sd": config.settings.wellnessAmberSD = try r.number(v, key: "wellness.amber_sd", 0.5...4)
                    case "red_sd": config.settings.wellnessRedSD = try r.number(v, key: "wellness.red_sd", 0.5...4)
                    default: throw r.error(k, "wellness.\(k.string ?? "")", "is not a wellness key (amber_sd, red_sd)")
                    }
                }
            case "thresholds":
                let wellness = (config.settings.wellnessAmberSD, config.settings.wellnessRedSD)
                config.settings = try thresholds(r.mapping(value, key: key), walker: &r)
                (config.settings.wellnessAmberSD, config.settings.wellnessRedSD) = wellness
            case "columns": config.input.columns = try columns(value, walker: r)
            case "date_format": config.input.dateOrder = try dateOrder(value, walker: r)
            case "status_words": config.input.statusWords = try statusWords(value, walker: r)
            case "language": config.language = try language(value, walker: r)
            default:
                throw r.error(
                    keyNode, key,
                    "is not a clinic.yaml key (clinic_name, contact, booking, footer, emergency_number, week_start, template_folder, therapists, wellness, thresholds, columns, date_format, status_words, language)"
                )
            }
        }
        if config.settings.wellnessRedSD < config.settings.wellnessAmberSD {
            throw IntakeError(file: file, reason: .config(line: 0, key: "wellness.red_sd", problem: "must not be below amber_sd"))
        }
        return config
    }

    private static func thresholds(_ map: Node.Mapping, walker r: inout Walker) throws -> EngineSettings {
        var s = EngineSettings()
        for (keyNode, v) in map {
            let key = "thresholds." + (keyNode.string ?? "")
            switch keyNode.string ?? "" {
            case "pain_gate": s.painGate = try r.integer(v, key: key, 1...10)
            case "max_routine_items": s.maxRoutineItems = try r.integer(v, key: key, 1...9)
            case "max_routine_minutes": s.maxRoutineMinutes = try r.integer(v, key: key, 1...15)
            case "deep_work_from_days": s.deepWorkFromDays = try r.integer(v, key: key, 1...7)
            case "deep_work_to_days": s.deepWorkToDays = try r.integer(v, key: key, 1...10)
            case "no_deep_work_before_event_days": s.noDeepWorkBeforeEventDays = try r.integer(v, key: key, 2...7)
            case "doms_gentle_days": s.domsGentleDays = try r.integer(v, key: key, 0...7)
            case "acwr_spike": s.acwrSpike = try r.number(v, key: key, 1...3)
            case "monotony_high": s.monotonyHigh = try r.number(v, key: key, 1...5)
            case "acwr_minimum_history_days": s.acwrMinimumHistoryDays = try r.integer(v, key: key, 28...365)
            case "default_session_minutes": s.defaultSessionMinutes = try r.choice(v, key: key, [30, 45, 60, 90])
            case "gentle_session_minutes": s.gentleSessionMinutes = try r.choice(v, key: key, [30, 45, 60, 90])
            case "interval_days", "sessions_per_week":
                for (loadNode, n) in try r.mapping(v, key: key) {
                    let sub = key + "." + (loadNode.string ?? "")
                    guard let load = TrainingLoad(rawValue: loadNode.string ?? "") else {
                        throw r.error(loadNode, sub, "is not a training load (none, light, moderate, heavy)")
                    }
                    if keyNode.string == "interval_days" {
                        s.intervalDays[load] = try r.choice(n, key: sub, [7, 14, 21, 28])
                    } else {
                        s.sessionsPerWeek[load] = try r.integer(n, key: sub, 0...7)
                    }
                }
            default:
                throw r.error(keyNode, key, "is not a threshold LegCare knows")
            }
        }
        if s.deepWorkToDays < s.deepWorkFromDays {
            throw IntakeError(
                file: r.file,
                reason: .config(line: 0, key: "thresholds.deep_work_to_days", problem: "must not be before deep_work_from_days"))
        }
        return s
    }

    /// `[mon, tue, ...]`: a list of day names (three letters or whole), each once.
    private static func weekdays(_ node: Node, walker r: Walker) throws -> [Int] {
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        guard case .sequence(let items) = node else {
            throw r.error(node, "therapists.days", "must be a list of day names such as [mon, tue, wed]")
        }
        var days: [Int] = []
        for item in items {
            let text = try r.text(item, key: "therapists.days").lowercased()
            let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            guard let i = names.firstIndex(of: text) ?? full.firstIndex(of: text) else {
                throw r.error(item, "therapists.days", "\"\(text)\" is not a day name (mon, tue, wed, thu, fri, sat, sun)")
            }
            if !days.contains(i + 1) { days.append(i + 1) }
        }
        return days.sorted()
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 0
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let p, _, _), .parser(_, let p, _, _), .composer(_, let p, _, _): return p
        default: return "\(error)"
        }
    }

    /// Type checks that name the line and key of what they reject.
    struct Walker {
        let file: String

        func error(_ node: Node, _ key: String, _ problem: String) -> IntakeError {
            IntakeError(file: file, reason: .config(line: node.mark?.line ?? 0, key: key, problem: problem))
        }
        func mapping(_ node: Node, key: String) throws -> Node.Mapping {
            guard case .mapping(let m) = node else { throw error(node, key, "must be a set of key: value lines") }
            return m
        }
        func text(_ node: Node, key: String) throws -> String {
            guard case .scalar(let s) = node else { throw error(node, key, "must be a single text value") }
            return s.string
        }
        func integer(_ node: Node, key: String, _ range: ClosedRange<Int>) throws -> Int {
            guard let n = Int(try text(node, key: key)), range.contains(n) else {
                throw error(node, key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        }
        func number(_ node: Node, key: String, _ range: ClosedRange<Double>) throws -> Double {
            guard let n = Double(try text(node, key: key)), range.contains(n) else {
                throw error(node, key, "must be a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        }
        func choice(_ node: Node, key: String, _ allowed: [Int]) throws -> Int {
            guard let n = Int(try text(node, key: key)), allowed.contains(n) else {
                throw error(node, key, "must be one of \(allowed.map(String.init).joined(separator: ", "))")
            }
            return n
        }
    }
}
