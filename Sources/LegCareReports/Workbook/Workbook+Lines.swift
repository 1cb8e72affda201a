import LegCareNative

extension Workbook {
    /// The lines `text` takes wrapped in a column `width` characters wide: a little more
    /// than a spreadsheet needs, since its characters are mostly narrower than the `0`
    /// a width counts. Rows of wrapped text get their height from it.
    static func lines(_ text: String, width: Double) -> Int {
        // No more bytes than the width: one line. Else words go on a line while they fit;
        // a word longer than the column is broken inside it by the spreadsheet. Counted
        // on the bytes, characters as their first byte: the workbook asks for every cell
        // of every row, and wrapping each text into lines of strings cost a fifth of its time.
        let w = max(1, Int(width))
        guard text.utf8.count > w else { return 1 }
        var lines = 1
        var length = 0  // characters on the current line
        var word = 0  // characters of the word being read
        func place() {
            guard word > 0 else { return }
            if length > 0 && length + 1 + word <= w {
                length += 1 + word
            } else {
                if length > 0 { lines += 1 }
                lines += (word - 1) / w
                length = (word - 1) % w + 1
            }
            word = 0
        }
        for byte in text.utf8 where byte & 0xC0 != 0x80 {
            if byte == 0x20 { place() } else { word += 1 }
        }
        place()
        return lines
    }

    /// A row of header cells over columns `widths` wide, as tall as its longest wrapped
    /// title (LibreOffice keeps the default height, so a second line covered the first row).
    func writeHeaderRow(_ sheet: Sheet, _ row: Int, _ titles: [String], widths: [Double], from col: Int = 0) throws {
        let lines = zip(titles, widths).map { Self.lines($0, width: $1) }.max() ?? 1
        if lines > 1 { try setRowHeight(sheet, row, 15 * Double(lines)) }
        for (i, title) in titles.enumerated() where !title.isEmpty { try write(sheet, row, col + i, title, .header) }
    }

    /// A note across the columns `widths` wide, wrapped inside them and as tall as it
    /// needs: a long sentence in one cell ran past the printed edge and was cut there.
    func writeNote(_ sheet: Sheet, _ row: Int, _ text: String, widths: [Double]) throws {
        let lines = Self.lines(text, width: widths.reduce(0, +))
        if lines > 1 { try setRowHeight(sheet, row, 15 * Double(lines)) }
        try writeAcross(sheet, row, 0...(widths.count - 1), text)
    }
}

extension Workbook {
    /// Text cells of one row, each wrapped inside its column (level with the numbers at
    /// the cell's foot), the row as tall as the longest; `indented` columns sit right of a
    /// number and start one step in, so the two never touch.
    func writeWrapped(_ sheet: Sheet, _ row: Int, _ cells: [(col: Int, text: String)], widths: [Double], indented: [Int] = []) throws {
        let lines = cells.map { Self.lines($0.text, width: widths[$0.col]) }.max() ?? 1
        if lines > 1 { try setRowHeight(sheet, row, 15 * Double(lines)) }
        for (col, text) in cells { try write(sheet, row, col, text, indented.contains(col) ? .wrapBottomIndent : .wrapBottom) }
    }
}
