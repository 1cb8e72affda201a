/// Strings packed into one buffer of UTF-8 bytes, read back by their place: for text held
/// for many clients until the run's end (a String each is an allocation each for most
/// names, plus 16 bytes).
///
/// Where each string ends is 4 bytes while the buffer is under 4 GiB, and 8 from then on.
struct PackedStrings: Sendable {
    /// Where each string ends in `bytes`, while every end fits in 32 bits.
    private var ends: [UInt32] = []
    /// Every end, once one did not fit.
    private var wideEnds: [Int]?
    private var bytes: [UInt8] = []
    /// The largest end kept in 32 bits (smaller in tests).
    private let narrowLimit: Int

    init(narrowLimit: Int = Int(UInt32.max)) { self.narrowLimit = narrowLimit }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if wideEnds == nil && bytes.count > narrowLimit {
            wideEnds = ends.map(Int.init)
            ends = []
        }
        if wideEnds != nil { wideEnds!.append(bytes.count) } else { ends.append(UInt32(bytes.count)) }
    }

    private func end(_ place: Int) -> Int { wideEnds?[place] ?? Int(ends[place]) }

    subscript(place: Int) -> String {
        String(decoding: bytes[(place == 0 ? 0 : end(place - 1))..<end(place)], as: UTF8.self)
    }

    var count: Int { wideEnds?.count ?? ends.count }

    /// Room for `count` strings of `bytes` bytes in all, asked for once.
    mutating func reserveCapacity(_ count: Int, bytes total: Int) {
        if total > narrowLimit { wideEnds = wideEnds ?? ends.map(Int.init) }
        if wideEnds != nil { wideEnds!.reserveCapacity(count) } else { ends.reserveCapacity(count) }
        bytes.reserveCapacity(total)
    }
}

/// Clients' names by their place in the input (their `plans.jsonl` line), for the
/// timetable and team pages at the run's end.
///
/// Why not `[Int: String]`: an entry and an allocation a name; this holds the bytes and
/// two numbers a name.
public struct ClientNames: Sendable {
    /// Input places, ascending, in 4 bytes; from the first place past 32 bits on, in
    /// `wideOrders`.
    private var orders: [UInt32] = []
    private var wideOrders: [Int] = []
    private var names: PackedStrings

    public init() { names = PackedStrings() }

    /// Names whose ends go to 8 bytes past `narrowLimit` bytes of text (for tests).
    init(narrowLimit: Int) { names = PackedStrings(narrowLimit: narrowLimit) }

    /// Room for `count` names of `bytes` UTF-8 bytes in all, asked for once (arrays that
    /// double as they grow keep up to twice what they hold).
    public mutating func reserveCapacity(_ count: Int, bytes: Int) {
        orders.reserveCapacity(count)
        names.reserveCapacity(count, bytes: bytes)
    }

    /// Adds the name of the client at `order`, which comes after every order added so far.
    public mutating func append(order: Int, name: String) {
        precondition(
            (wideOrders.last ?? orders.last.map(Int.init)).map { order > $0 } ?? true, "client names are added in input order")
        if wideOrders.isEmpty, let narrow = UInt32(exactly: order) { orders.append(narrow) } else { wideOrders.append(order) }
        names.append(name)
    }

    /// The name of the client at `order`, if it was added.
    public subscript(order: Int) -> String? {
        if let narrow = UInt32(exactly: order), let at = Self.place(of: narrow, in: orders) { return names[at] }
        return Self.place(of: order, in: wideOrders).map { names[orders.count + $0] }
    }

    /// Where `value` lies in the ascending `list`, if it does.
    private static func place<T: Comparable>(of value: T, in list: [T]) -> Int? {
        var lo = 0
        var hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < list.count && list[lo] == value ? lo : nil
    }

    public var count: Int { orders.count + wideOrders.count }
}
