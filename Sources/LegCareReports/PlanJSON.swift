import LegCareCore

/// One plan as a line of `plans.jsonl`, with the keys of the data contract.
public enum PlanJSON {
    /// The JSON text of one plan, without the trailing newline.
    public static func line(for plan: Plan) -> String { value(for: plan).serialized() }

    static func value(for plan: Plan) -> JSONValue {
        let p = plan.professional
        let s = plan.selfMassage
        var pairs: [(String, JSONValue)] = [
            ("client_id", .string(plan.clientID)),
            ("status", .string(plan.status.rawValue)),
            ("refer_to", plan.referTo.map { .string($0.rawValue) } ?? .null),
            ("urgency", plan.urgency.map { .string($0.rawValue) } ?? .null),
            ("flags", .array(plan.flags.map(JSONValue.string))),
            ("avoid_areas", .array(plan.avoidAreas.map { .string($0.rawValue) })),
            ("avoid", .array(plan.avoid.map { .string($0.token) })),
            (
                "professional",
                .object([
                    ("kind", p.kind.map { .string($0.rawValue) } ?? .null),
                    ("interval_days", p.intervalDays.map(JSONValue.int) ?? .null),
                    ("minutes", p.minutes.map(JSONValue.int) ?? .null),
                    ("deep_work_allowed", .bool(p.deepWorkAllowed)),
                    (
                        "next_window",
                        p.nextWindow.map { .object([("from", .string($0.from.description)), ("to", .string($0.to.description))]) } ?? .null
                    ),
                ])
            ),
            (
                "self_massage",
                .object([
                    ("sessions_per_week", .int(s.sessionsPerWeek)),
                    (
                        "items",
                        .array(
                            s.items.map { item in
                                .object([
                                    ("area", .string(item.area.rawValue)),
                                    ("tool", .string(item.tool.rawValue)),
                                    ("seconds", .int(item.seconds)),
                                    ("hold_seconds", .int(item.holdSeconds)),
                                    ("pressure", .string(item.pressure.rawValue)),
                                ])
                            })
                    ),
                    ("total_minutes", .int(s.totalMinutes)),
                    ("timing", .array(s.timing.map { .string($0.rawValue) })),
                ])
            ),
            ("aftercare", .array(plan.aftercare.map { .string($0.rawValue) })),
            ("reasons", .array(plan.reasons.map { .string($0.text) })),
            ("reason_rules", .array(plan.reasons.map { .string($0.rule) })),
        ]
        if let load = plan.load {
            pairs.append(
                (
                    "load",
                    .object([
                        ("acute", .double(load.acute)),
                        ("chronic", .double(load.chronic)),
                        ("acwr", load.acwr.map(JSONValue.double) ?? .null),
                        ("monotony", load.monotony.map(JSONValue.double) ?? .null),
                        ("strain", load.strain.map(JSONValue.double) ?? .null),
                    ])
                ))
        }
        if let attention = plan.attention {
            pairs.append(
                (
                    "attention",
                    .object([
                        ("level", .string(attention.level.rawValue)),
                        ("reasons", .array(attention.reasons.map(JSONValue.string))),
                        ("wellness_items", .array(attention.wellnessItems.map(JSONValue.string))),
                    ])
                ))
        }
        if !plan.wellness.isEmpty {
            let items = TrainingHistory.wellnessItems.compactMap { key in
                plan.wellness[key].map { w -> (String, JSONValue) in
                    (
                        key,
                        .object([
                            ("latest", .double(w.latest)),
                            ("mean", w.mean.map(JSONValue.double) ?? .null),
                            ("sd", w.sd.map(JSONValue.double) ?? .null),
                            ("flag", w.flag.map { .string($0.rawValue) } ?? .null),
                            ("date", .string(w.day.description)),
                            ("earlier_scores", .int(w.earlierScores)),
                        ])
                    )
                }
            }
            pairs.append(("wellness", .object(items)))
        }
        pairs.append(("rules_version", .string(plan.rulesVersion)))
        return .object(pairs)
    }
}
