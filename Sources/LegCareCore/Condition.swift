/// A condition or red flag a client can report in the `conditions` column.
///
/// The raw values are the data contract's tokens. What each one does to a plan lives in
/// ``ScreeningRules``, not here.
public enum Condition: String, CaseIterable, Sendable {
    case acuteInjury = "acute_injury"
    case hamstringStrain = "hamstring_strain"
    case hamstringTear = "hamstring_tear"
    case tendinopathy
    case spinalPain = "spinal_pain"
    case nerveSymptoms = "nerve_symptoms"
    case numbness
    case bloodClottingDisorder = "blood_clotting_disorder"
    case anticoagulants
    case activeCancer = "active_cancer"
    case pregnancy
    case skinCondition = "skin_condition"
    case sharpPain = "sharp_pain"
    case swelling
    case painLimitsWalking = "pain_limits_walking"
    case painLimitsSleep = "pain_limits_sleep"
    case stressFractureSuspected = "stress_fracture_suspected"
    case niggleOverAWeek = "niggle_over_a_week"
    case chronicKnots = "chronic_knots"
    case stuckMobility = "stuck_mobility"
    case postureProblems = "posture_problems"
    case longEffort = "long_effort"
    case injuryRecoveryCleared = "injury_recovery_cleared"
    case dvtSigns = "dvt_signs"
    case breathlessChestPain = "breathless_chest_pain"
    case saddleNumbness = "saddle_numbness"
    case bladderBowelChange = "bladder_bowel_change"
    case progressiveWeakness = "progressive_weakness"
    case darkUrine = "dark_urine"
    case fever
    case fracture
    case bonePain = "bone_pain"
    case openWound = "open_wound"
    case skinInfection = "skin_infection"
    case varicoseVeins = "varicose_veins"
    case osteoporosis
    case diabetesNeuropathy = "diabetes_neuropathy"
    case recentSurgery = "recent_surgery"
    case hamstringStrainHistory = "hamstring_strain_history"
    case sorenessOverAWeek = "soreness_over_a_week"
}
