import PropertyBased
import Testing

@testable import LegCareRun

/// The id table numbers ids in the order first added and finds each one again, through
/// every growth of its slots, as a dictionary of numbers would.
@Suite("ID table: ids numbered in adding order, found again through every growth")
struct IDTableTests {
    /// Lists of ids with repeats, short and long (a long id lives outside the String).
    static let lists = Gen.int(in: 0...Int(Int32.max)).map { seed -> [String] in
        var g = seed
        func next(_ n: Int) -> Int {
            g = (g &* 1_103_515_245 &+ 12345) & 0x7fff_ffff
            return g % n
        }
        return (0..<next(400)).map { _ in
            let id = "S\(next(300))"
            return next(10) == 0 ? id + String(repeating: "é", count: 20) : id
        }
    }

    @Test("each id keeps the number of its first adding; lookups agree with a dictionary")
    func agreesWithDictionary() async {
        await propertyCheck(count: 300, input: Self.lists) { ids in
            var table = IDTable()
            var reference: [String: Int] = [:]
            for id in ids {
                let expected = reference[id]
                let (number, inserted) = table.insert(id)
                #expect(inserted == (expected == nil))
                if let expected { #expect(number == expected) } else { reference[id] = number }
            }
            #expect(table.count == reference.count)
            #expect(table.ids == reference.sorted { $0.value < $1.value }.map(\.key), "numbers follow the order of adding")
            for (id, number) in reference {
                #expect(table.number(of: id) == number && table[number] == id)
            }
            #expect(table.number(of: "not an id") == nil)
        }
    }

    @Test("room asked for first changes no number; emptied, the table names nothing")
    func reserveAndEmpty() {
        var reserved = IDTable()
        reserved.reserveCapacity(10, idRoom: 1000)
        var grown = IDTable()
        for i in 0..<5000 {
            #expect(reserved.insert("C\(i % 3000)") == grown.insert("C\(i % 3000)"))
        }
        #expect(reserved.ids == grown.ids && reserved.count == 3000)
        #expect(reserved.number(of: "C2999") == 2999)
        reserved.removeAll()
        #expect(reserved.count == 0 && reserved.number(of: "C1") == nil)
        #expect(reserved.insert("C1") == (0, true), "an emptied table can be filled again")
        #expect(IDTable().number(of: "C1") == nil)
    }
}
