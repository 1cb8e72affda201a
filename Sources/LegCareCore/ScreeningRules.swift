/// The screening knowledge of the domain brief (sections 2 and 7) as one table.
///
/// Precedence is not spread over conditionals: the strictest ``Status`` of all matching
/// rows wins, the referral goes to the row with the highest ``Urgency`` (ties: the row
/// that comes first here), and every matching row adds its reason. Urgencies that the
/// brief leaves open (section 2) are LegCare defaults, chosen so that anything that may
/// be a fresh injury is seen "soon".
public enum ScreeningRules {
    /// Version of the rule set, written into every plan.
    public static let version = "legcare-rules-1.0"

    /// One row per condition that changes a plan. Conditions that only pick the session
    /// kind (chronic knots and the like) live in ``SessionKindRules``.
    public static let table: [ScreeningRule] = [
        // Emergencies first: their reason leads the handout.
        .init(
            .breathlessChestPain, .refer, referTo: .emergency, urgency: .emergency, scope: .wholeBody,
            avoid: [.massage], source: "NHS: possible pulmonary embolism",
            why: "Breathlessness or chest pain with leg symptoms can mean a clot in the lung: emergency care now."),
        .init(
            .saddleNumbness, .refer, referTo: .emergency, urgency: .emergency, scope: .wholeBody,
            avoid: [.massage], source: "cauda equina red flags",
            why: "Numbness in the saddle area is a red flag for spinal nerve compression: emergency care now."),
        .init(
            .bladderBowelChange, .refer, referTo: .emergency, urgency: .emergency, scope: .wholeBody,
            avoid: [.massage], source: "cauda equina red flags",
            why: "A new change in bladder or bowel control is a red flag for spinal nerve compression: emergency care now."),
        .init(
            .progressiveWeakness, .refer, referTo: .emergency, urgency: .emergency, scope: .wholeBody,
            avoid: [.massage], source: "cauda equina red flags",
            why: "Leg weakness that is getting worse is a red flag for nerve compression: emergency care now."),
        .init(
            .darkUrine, .refer, referTo: .emergency, urgency: .emergency, scope: .wholeBody,
            avoid: [.massage], source: "exertional rhabdomyolysis",
            why: "Dark urine with severe pain or swelling after exertion can mean muscle breakdown: emergency care now."),
        .init(
            .dvtSigns, .refer, referTo: .gp, urgency: .urgent, scope: .wholeBody,
            avoid: [.massage, .rolling, .heat], freshInjury: true, source: "NHS DVT guidance; Bartsch 2021",
            why: "Pain with swelling, warmth or redness in one leg can be a blood clot: no massage or rolling at all, see a GP today."),
        .init(
            .fever, .refer, referTo: .gp, urgency: .soon, scope: .wholeBody,
            avoid: [.massage], source: "clinical guidance",
            why: "Fever: all hands-on work is postponed until a GP has seen the client."),
        .init(
            .acuteInjury, .refer, referTo: .physiotherapist, urgency: .soon, scope: .soreAreasElseWholeBody,
            avoid: [.heat, .deepWork], freshInjury: true, source: "000, 001",
            why: "A suspected acute injury needs a diagnosis from a physiotherapist or chiropractor; massage therapists cannot diagnose."),
        .init(
            .hamstringTear, .refer, referTo: .physiotherapist, urgency: .soon, scope: .areas([.hamstrings]),
            avoid: [.stretch(.hamstrings), .heat, .deepWork], freshInjury: true, source: "001",
            why: "A hamstring tear is treated by a physiotherapist; massage is never the only treatment and the muscle is not stretched."),
        .init(
            .hamstringStrain, .refer, referTo: .physiotherapist, urgency: .soon, scope: .areas([.hamstrings]),
            avoid: [.stretch(.hamstrings), .heat, .deepWork], freshInjury: true, source: "001",
            why: "A hamstring strain is treated by a physiotherapist; massage is never the only treatment and the muscle is not stretched."),
        .init(
            .stressFractureSuspected, .refer, referTo: .physiotherapist, urgency: .soon,
            scope: .soreAreasElseWholeBody, avoid: [.toolPressureOverBone, .deepWork], source: "003, 004",
            why: "A suspected stress fracture must be assessed before any pressure goes near it."),
        .init(
            .fracture, .refer, referTo: .physiotherapist, urgency: .soon, scope: .soreAreasElseWholeBody,
            avoid: [.toolPressureOverBone, .deepWork], source: "Bartsch 2021",
            why: "A fracture rules out tool pressure on the area until a physiotherapist or GP clears it."),
        .init(
            .bonePain, .refer, referTo: .physiotherapist, urgency: .soon, scope: .soreAreasElseWholeBody,
            avoid: [.toolPressureOverBone, .deepWork], source: "Bartsch 2021",
            why: "Focal bone pain, worse with impact or at night, must be assessed before any pressure on the area."),
        .init(
            .swelling, .refer, referTo: .physiotherapist, urgency: .soon, scope: .soreAreasElseWholeBody,
            avoid: [.heat, .deepWork], freshInjury: true, source: "000, 003, 004",
            why: "Swelling is a red flag for injury: assessment first, and no heat or massage on the site."),
        .init(
            .sharpPain, .refer, referTo: .physiotherapist, urgency: .soon, scope: .soreAreasElseWholeBody,
            avoid: [.heat, .deepWork], freshInjury: true, source: "003, 004",
            why: "Sudden sharp pain is a red flag for injury and needs assessment first."),
        .init(
            .painLimitsWalking, .refer, referTo: .physiotherapist, urgency: .soon,
            scope: .soreAreasElseWholeBody, avoid: [.deepWork], source: "003, 004",
            why: "Pain that limits walking is more than ordinary soreness and needs assessment first."),
        .init(
            .painLimitsSleep, .refer, referTo: .physiotherapist, urgency: .soon,
            scope: .soreAreasElseWholeBody, avoid: [.deepWork], source: "003, 004",
            why: "Pain that limits sleep is more than ordinary soreness and needs assessment first."),
        .init(
            .sorenessOverAWeek, .refer, referTo: .physiotherapist, urgency: .soon,
            scope: .soreAreasElseWholeBody, avoid: [.deepWork], source: "Cheung 2003",
            why: "Soreness that worsens after 72 hours or lasts over a week is not ordinary post-exercise soreness."),
        .init(
            .nerveSymptoms, .refer, referTo: .chiropractor, urgency: .soon, scope: .wholeBody,
            avoid: [.deepWork], source: "000",
            why: "Numbness, tingling or shooting pain points to a nerve and needs a chiropractor's assessment first."),
        .init(
            .numbness, .refer, referTo: .chiropractor, urgency: .soon, scope: .wholeBody,
            avoid: [.deepWork], source: "000, 003, 004",
            why: "Persistent numbness needs assessment; pressure cannot be judged on skin that cannot feel it."),
        .init(
            .spinalPain, .refer, referTo: .chiropractor, urgency: .routine, scope: .areas([.lowerBack, .glutes]),
            avoid: [.deepWork], source: "000, 001",
            why: "Significant spinal pain is assessed by a chiropractor before work near the back and hips."),
        .init(
            .tendinopathy, .refer, referTo: .physiotherapist, urgency: .routine,
            scope: .soreAreasElseWholeBody, avoid: [.deepWork], source: "001",
            why: "Tendinopathy is managed by a physiotherapist; massage is not the stand-alone treatment."),
        .init(
            .niggleOverAWeek, .refer, referTo: .physiotherapist, urgency: .routine,
            scope: .soreAreasElseWholeBody, avoid: [.deepWork], source: "003, 004",
            why: "A niggle not better after a week of rest and gentle care should be assessed."),
        .init(
            .bloodClottingDisorder, .refer, referTo: .gp, urgency: .routine, scope: .wholeBody,
            avoid: [.deepWork], source: "000",
            why: "A blood clotting disorder needs the GP or consultant's agreement before any massage."),
        .init(
            .anticoagulants, .refer, referTo: .gp, urgency: .routine, scope: .wholeBody,
            avoid: [.deepWork], source: "000",
            why: "Blood thinners bruise easily: the GP or consultant agrees to massage first."),
        .init(
            .activeCancer, .refer, referTo: .gp, urgency: .routine, scope: .wholeBody,
            avoid: [.deepWork], source: "000",
            why: "During active cancer the GP or oncology team decides whether massage is suitable."),
        .init(
            .pregnancy, .refer, referTo: .midwife, urgency: .routine, scope: .wholeBody,
            avoid: [.deepWork], source: "000",
            why: "This treatment is not recommended in pregnancy without the midwife or GP's agreement."),
        .init(
            .recentSurgery, .refer, referTo: .gp, urgency: .routine, scope: .wholeBody,
            avoid: [.deepWork], source: "clinical guidance",
            why: "After recent surgery nothing is done near the site until the surgeon or GP clears it."),
        // Modified: plan with adaptations.
        .init(
            .skinCondition, .modified, avoid: [.oil, .friction], source: "000",
            why: "A skin condition made worse by friction or oil: no oil, no friction and no rolling over the affected skin."),
        .init(
            .openWound, .modified, avoid: [.oil, .friction], source: "clinical guidance",
            why: "An open wound: the area is skipped, with no oil or friction near it."),
        .init(
            .skinInfection, .modified, avoid: [.oil, .friction], source: "clinical guidance",
            why: "A skin infection: the area is skipped, with no oil or friction near it."),
        .init(
            .varicoseVeins, .modified, avoid: [.deepPressureOverVeins], pressureCap: .light,
            handsOnly: true, source: "clinical guidance",
            why: "Varicose veins: no rolling or deep pressure over them, light work nearby only."),
        .init(
            .osteoporosis, .modified, avoid: [.toolPressureOverBone, .deepWork], pressureCap: .light,
            gentleOnly: true, handsOnly: true, source: "clinical guidance",
            why: "Osteoporosis: light pressure only and no tool pressure over bone; deep work needs the GP's clearance."),
        .init(
            .diabetesNeuropathy, .modified, scope: .areas([.plantarFascia]), avoid: [.deepWork],
            pressureCap: .light, gentleOnly: true, source: "clinical guidance",
            why: "Diabetic neuropathy: light pressure, numb feet are skipped and the skin is checked after."),
        .init(
            .injuryRecoveryCleared, .modified, avoid: [.deepWork], pressureCap: .light, gentleOnly: true,
            source: "000",
            why: "Later-stage injury recovery already cleared by a practitioner: gentle work, led by that practitioner."),
        .init(
            .hamstringStrainHistory, .modified, avoid: [.deepWork(on: .hamstrings)], source: "Erickson & Sherry 2017",
            why: "A hamstring strain in the last year recurs often: no aggressive hamstring work."),
    ]

    /// The id of the pain-gate rule (pain at or above the configured level, no red flag).
    public static let painGateID = "screen.pain_gate"
}
