import LegCareCore

/// One plan as a line of `plans.jsonl`, with the keys of the data contract.
public enum PlanJSON {
    /// The JSON text of one plan, without the trailing newline.
    public static func line(for plan: Plan) -> String {
        var json = JSONWriter()
        write(plan, into: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// The line's bytes, with the trailing newline, ready for the file.
    public static func lineBytes(for plan: Plan) -> [UInt8] {
        var json = JSONWriter()
        write(plan, into: &json)
        json.newline()
        return json.bytes
    }

    static func write(_ plan: Plan, into json: inout JSONWriter) {
        let p = plan.professional
        let s = plan.selfMassage
        json.beginObject()
        json.field("client_id")
        json.string(plan.clientID)
        json.field("status")
        json.string(plan.status.rawValue)
        json.field("refer_to")
        json.string(plan.referTo?.rawValue)
        json.field("urgency")
        json.string(plan.urgency?.rawValue)
        json.field("flags")
        json.strings(plan.flags)
        json.field("avoid_areas")
        json.strings(plan.avoidAreas.lazy.map(\.rawValue))
        json.field("avoid")
        json.strings(plan.avoid.lazy.map(\.token))

        json.field("professional")
        json.beginObject()
        json.field("kind")
        json.string(p.kind?.rawValue)
        json.field("interval_days")
        json.int(p.intervalDays)
        json.field("minutes")
        json.int(p.minutes)
        json.field("deep_work_allowed")
        json.bool(p.deepWorkAllowed)
        json.field("next_window")
        if let window = p.nextWindow {
            json.beginObject()
            json.field("from")
            json.day(window.from)
            json.field("to")
            json.day(window.to)
            json.endObject()
        } else {
            json.null()
        }
        json.endObject()

        json.field("self_massage")
        json.beginObject()
        json.field("sessions_per_week")
        json.int(s.sessionsPerWeek)
        json.field("items")
        json.beginArray()
        for item in s.items {
            json.beginObject()
            json.field("area")
            json.string(item.area.rawValue)
            json.field("tool")
            json.string(item.tool.rawValue)
            json.field("seconds")
            json.int(item.seconds)
            json.field("hold_seconds")
            json.int(item.holdSeconds)
            json.field("pressure")
            json.string(item.pressure.rawValue)
            json.endObject()
        }
        json.endArray()
        json.field("total_minutes")
        json.int(s.totalMinutes)
        json.field("timing")
        json.strings(s.timing.lazy.map(\.rawValue))
        json.endObject()

        json.field("aftercare")
        json.strings(plan.aftercare.lazy.map(\.rawValue))
        json.field("reasons")
        json.strings(plan.reasons.lazy.map(\.text))
        json.field("reason_rules")
        json.strings(plan.reasons.lazy.map(\.rule))
        if let load = plan.load {
            json.field("load")
            json.beginObject()
            json.field("acute")
            json.double(load.acute)
            json.field("chronic")
            json.double(load.chronic)
            json.field("acwr")
            json.double(load.acwr)
            json.field("monotony")
            json.double(load.monotony)
            json.field("strain")
            json.double(load.strain)
            json.endObject()
        }
        if let attention = plan.attention {
            json.field("attention")
            json.beginObject()
            json.field("level")
            json.string(attention.level.rawValue)
            json.field("reasons")
            json.strings(attention.reasons)
            json.field("wellness_items")
            json.strings(attention.wellnessItems)
            json.endObject()
        }
        if !plan.wellness.isEmpty {
            json.field("wellness")
            json.beginObject()
            for key in TrainingHistory.wellnessItems {
                guard let w = plan.wellness[key] else { continue }
                json.key(key)
                json.beginObject()
                json.field("latest")
                json.double(w.latest)
                json.field("mean")
                json.double(w.mean)
                json.field("sd")
                json.double(w.sd)
                json.field("flag")
                json.string(w.flag?.rawValue)
                json.field("date")
                json.day(w.day)
                json.field("earlier_scores")
                json.int(w.earlierScores)
                json.endObject()
            }
            json.endObject()
        }
        json.field("rules_version")
        json.string(plan.rulesVersion)
        json.endObject()
    }
}
