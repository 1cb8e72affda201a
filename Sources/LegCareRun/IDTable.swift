/// Strings numbered in the order they are first added (0, 1, 2, ...): a table of a
/// million client ids that is looked up once a client.
///
/// Why not a `[String: Int]`: a dictionary keeps a key and a value in each of its slots;
/// here each id is stored once, in order, and the slots hold a 4-byte number. Why not
/// swift-collections' `OrderedSet`, which is as small: reading 486,000 session ids took
/// half as long again with it (docs/performance.md). Numbers follow the order of adding,
/// so nothing about the slots reaches an output.
///
/// ```swift
/// var ids = IDTable()
/// ids.insert("S0000001")      // (number: 0, inserted: true)
/// ids.number(of: "S0000001")  // 0
/// ids[0]                      // "S0000001"
/// ```
public struct IDTable: Sendable {
    /// Every id by its number.
    public private(set) var ids: [String] = []
    /// Open addressing with linear probing: an id's number, or -1 for an empty slot. The
    /// count is a power of two, grown before three quarters are taken. (Numbers are Int32:
    /// two billion ids would take 32 GB of Strings alone.)
    private var slots: [Int32] = []

    /// An empty table.
    public init() {}

    /// How many ids the table holds.
    public var count: Int { ids.count }

    /// The id numbered `number`.
    public subscript(number: Int) -> String { ids[number] }

    /// Room for `n` ids, asked for once: the slots are made now, so the table does not
    /// hold an old and a new set of them while it grows. `idRoom`, when larger, is the
    /// room asked for in the array of ids: a high guess there costs address space, not
    /// memory (pages never written are never given), while the slots are all written.
    public mutating func reserveCapacity(_ n: Int, idRoom: Int = 0) {
        ids.reserveCapacity(max(n, idRoom))
        if Self.slotCount(for: n) > slots.count { rehash(to: Self.slotCount(for: n)) }
    }

    /// The number of `id`, if the table holds it.
    public func number(of id: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = id.hashValue & mask
        while true {
            let n = slots[i]
            if n < 0 { return nil }
            if ids[Int(n)] == id { return Int(n) }
            i = (i + 1) & mask
        }
    }

    /// Adds `id` unless the table holds it; either way, its number.
    @discardableResult
    public mutating func insert(_ id: String) -> (number: Int, inserted: Bool) {
        if (ids.count + 1) * 4 > slots.count * 3 { rehash(to: max(16, slots.count * 2)) }
        let mask = slots.count - 1
        var i = id.hashValue & mask
        while true {
            let n = slots[i]
            if n < 0 { break }
            if ids[Int(n)] == id { return (Int(n), false) }
            i = (i + 1) & mask
        }
        let number = ids.count
        slots[i] = Int32(number)
        ids.append(id)
        return (number, true)
    }

    /// Empties the table and lets go of its memory.
    public mutating func removeAll() {
        ids = []
        slots = []
    }

    /// The slots for `n` ids: a power of two over 4/3 of them.
    private static func slotCount(for n: Int) -> Int {
        var count = 16
        while count / 4 * 3 < n { count *= 2 }
        return count
    }

    private mutating func rehash(to count: Int) {
        slots = [Int32](repeating: -1, count: count)
        let mask = count - 1
        for (number, id) in ids.enumerated() {
            var i = id.hashValue & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(number)
        }
    }
}
