/// Texts numbered in the order first seen: each distinct text is kept once, and a 32-bit
/// number stands for it wherever many records hold one of a few texts (a therapist per
/// handout, a team per squad member).
struct NumberedTexts {
    /// The texts, by number.
    private(set) var texts: [String] = []
    private var numbers: [String: Int32] = [:]

    /// The number of `text`, given it now if it is new.
    mutating func number(_ text: String) -> Int32 {
        if let known = numbers[text] { return known }
        let number = Int32(texts.count)
        numbers[text] = number
        texts.append(text)
        return number
    }

    subscript(number: Int32) -> String { texts[Int(number)] }
}
