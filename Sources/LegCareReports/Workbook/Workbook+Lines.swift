import LegCareNative

extension Workbook {
    /// The lines `text` takes wrapped in a column `width` characters wide: a little more
    /// than a spreadsheet needs, since its characters are mostly narrower than the `0`
    /// a width counts. Rows of wrapped text get their height from it.
    static func lines(_ text: String, width: Double) -> Int {
        // No more bytes than the width: one line, without wrapping it.
        text.utf8.count <= Int(width) ? 1 : TextWrapper.wrapLine(text, width: Int(width)).count
    }
}
