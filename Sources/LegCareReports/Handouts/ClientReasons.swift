import LegCareCore

/// Why a client is referred, told to the client: second person, plain words, short
/// sentences. The workbook's Why column keeps the clinician's sentence (``ScreeningRule/why``).
enum ClientReasons {
    /// One line per referring condition.
    static let lines: [Condition: String] = [
        .breathlessChestPain: "You are short of breath or have chest pain as well as leg symptoms. This can be a clot in the lung.",
        .saddleNumbness: "You have numbness between your legs or around your bottom. This can mean a trapped nerve in your back.",
        .bladderBowelChange: "Your bladder or bowel control has changed. This can mean a trapped nerve in your back.",
        .progressiveWeakness: "Your leg is getting weaker. This can mean a trapped nerve.",
        .darkUrine: "You have dark urine and bad muscle pain or swelling after exercise. Your muscles may be breaking down.",
        .dvtSigns: "One of your legs is painful and swollen, warm or red. This can be a blood clot, so it must not be massaged.",
        .fever: "You have a fever. Massage waits until a doctor has seen you.",
        .acuteInjury: "You may have a new injury. A physiotherapist can find out what it is. A massage therapist cannot.",
        .hamstringTear: "You have a torn hamstring. A physiotherapist treats it. Do not stretch it.",
        .hamstringStrain: "You have a strained hamstring. A physiotherapist treats it. Do not stretch it.",
        .stressFractureSuspected: "You may have a small crack in a bone. It must be checked before anyone presses on it.",
        .fracture: "You have a broken bone. No tools or pressure on it until you are cleared.",
        .bonePain: "You have pain in one spot on a bone that is worse when you run or at night. It must be checked first.",
        .swelling: "Your leg is swollen. This can be an injury, so it must be checked first.",
        .sharpPain: "You had a sudden sharp pain. This can be an injury, so it must be checked first.",
        .painLimitsWalking: "Your pain makes walking hard. That is more than normal soreness.",
        .painLimitsSleep: "Your pain keeps you awake. That is more than normal soreness.",
        .sorenessOverAWeek: "Your soreness has lasted over a week or got worse after three days. That is more than normal soreness.",
        .nerveSymptoms: "You have numbness, tingling or shooting pain. This can come from a nerve and needs checking.",
        .numbness: "Part of your leg has stayed numb. It needs checking, and pressure is not safe where you cannot feel it.",
        .spinalPain: "You have back pain. A chiropractor should check it before work near your back and hips.",
        .tendinopathy: "You have a sore tendon. A physiotherapist treats it. Massage alone will not fix it.",
        .niggleOverAWeek: "Your niggle is not better after a week of rest. It should be checked.",
        .bloodClottingDisorder: "You have a condition that affects how your blood clots. Your doctor needs to agree to massage first.",
        .anticoagulants: "You take medicine that thins your blood, so you bruise easily. Your doctor needs to agree to massage first.",
        .activeCancer: "You are being treated for cancer. Your doctor or cancer team decides if massage is right for you.",
        .pregnancy: "You are pregnant. Your midwife or doctor needs to agree to this massage first.",
        .recentSurgery: "You had an operation recently. Nothing is done near it until your surgeon or doctor says so.",
    ]

    /// The client's lines for a plan's referral rules (`screen.<condition>` ids), in order.
    static func lines(for rules: [String]) -> [String] {
        rules.compactMap { id in
            guard id.hasPrefix("screen."), let condition = Condition(rawValue: String(id.dropFirst(7))) else { return nil }
            return lines[condition]
        }
    }
}
