/// Strings packed into one buffer of UTF-8 bytes, read back by their place: for text held
/// for many clients until the run's end (a String each is an allocation each for most
/// names, plus 16 bytes).
struct PackedStrings: Sendable {
    /// Where each string ends in `bytes`.
    private var ends: [Int] = []
    private var bytes: [UInt8] = []

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
    }

    subscript(place: Int) -> String {
        String(decoding: bytes[(place == 0 ? 0 : ends[place - 1])..<ends[place]], as: UTF8.self)
    }

    var count: Int { ends.count }

    /// Room for `count` strings of `bytes` bytes in all, asked for once.
    mutating func reserveCapacity(_ count: Int, bytes total: Int) {
        ends.reserveCapacity(count)
        bytes.reserveCapacity(total)
    }
}

/// Clients' names by their place in the input (their `plans.jsonl` line), for the
/// timetable and team pages at the run's end.
///
/// Why not `[Int: String]`: for the 690,000 clients due a session in a 1,000,000-client
/// run, a dictionary of names came to roughly 60 MB (estimated: an entry plus, for most
/// names, a separate allocation); this holds the bytes and two numbers a name.
public struct ClientNames: Sendable {
    /// Input places, ascending.
    private var orders: [Int] = []
    private var names = PackedStrings()

    public init() {}

    /// Room for `count` names of `bytes` UTF-8 bytes in all, asked for once (arrays that
    /// double as they grow keep up to twice what they hold).
    public mutating func reserveCapacity(_ count: Int, bytes: Int) {
        orders.reserveCapacity(count)
        names.reserveCapacity(count, bytes: bytes)
    }

    /// Adds the name of the client at `order`, which comes after every order added so far.
    public mutating func append(order: Int, name: String) {
        precondition(orders.last.map { order > $0 } ?? true, "client names are added in input order")
        orders.append(order)
        names.append(name)
    }

    /// The name of the client at `order`, if it was added.
    public subscript(order: Int) -> String? {
        var lo = 0
        var hi = orders.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if orders[mid] < order { lo = mid + 1 } else { hi = mid }
        }
        guard lo < orders.count, orders[lo] == order else { return nil }
        return names[lo]
    }

    public var count: Int { orders.count }
}
