/// Clients' names by their place in the input (their `plans.jsonl` line), packed into one
/// buffer of UTF-8 bytes, for the timetable and team pages at the run's end.
///
/// Why not `[Int: String]`: for the clients due a session, a dictionary of names was
/// about 60 MB of a 1,000,000-client run's memory peak (an entry plus, for most names, a
/// separate allocation); this holds the bytes and two numbers a name.
public struct ClientNames: Sendable {
    /// Input places, ascending.
    private var orders: [Int] = []
    /// Where each name ends in `bytes`.
    private var ends: [Int] = []
    private var bytes: [UInt8] = []

    public init() {}

    /// Adds the name of the client at `order`, which comes after every order added so far.
    public mutating func append(order: Int, name: String) {
        precondition(orders.last.map { order > $0 } ?? true, "client names are added in input order")
        orders.append(order)
        bytes.append(contentsOf: name.utf8)
        ends.append(bytes.count)
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
        let start = lo == 0 ? 0 : ends[lo - 1]
        return String(decoding: bytes[start..<ends[lo]], as: UTF8.self)
    }

    public var count: Int { orders.count }
}
