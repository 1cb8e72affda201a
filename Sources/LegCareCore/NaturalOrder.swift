/// Names in the order a person expects: runs of digits compare by their value, so
/// "Therapist 2" comes before "Therapist 10". Every sheet that lists therapists uses it,
/// so they appear in one order everywhere.
///
/// ```swift
/// ["Therapist 10", "Therapist 2"].sorted(by: NaturalOrder.less)   // ["Therapist 2", "Therapist 10"]
/// ```
public enum NaturalOrder {
    /// Whether `a` comes before `b`: digit runs by value (then by length, so "02" follows
    /// "2"), everything else by Unicode scalar; a full tie falls back to plain `<`.
    public static func less(_ a: String, _ b: String) -> Bool {
        var x = a.unicodeScalars.makeIterator()
        var y = b.unicodeScalars.makeIterator()
        var p = x.next()
        var q = y.next()
        while let c = p, let d = q {
            if isDigit(c) && isDigit(d) {
                var left: [Unicode.Scalar] = []
                var right: [Unicode.Scalar] = []
                while let s = p, isDigit(s) {
                    left.append(s)
                    p = x.next()
                }
                while let s = q, isDigit(s) {
                    right.append(s)
                    q = y.next()
                }
                let l = Array(left.drop { $0 == "0" })
                let r = Array(right.drop { $0 == "0" })
                if l.count != r.count { return l.count < r.count }
                if let i = l.indices.first(where: { l[$0] != r[$0] }) { return l[i].value < r[i].value }
                if left.count != right.count { return left.count < right.count }
                continue
            }
            if c != d { return c.value < d.value }
            p = x.next()
            q = y.next()
        }
        if (p == nil) != (q == nil) { return p == nil }
        return a < b
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
}
