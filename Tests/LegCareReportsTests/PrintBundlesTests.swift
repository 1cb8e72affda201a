import Foundation
import Testing

@testable import LegCareReports

@Suite("Print bundles: each therapist's handouts found in the print file")
struct PrintBundlesTests {
    @Test("therapists in name order (no therapist first), each one's handouts in input order, at the right offsets")
    func ranges() throws {
        // The print file: handouts of 5, 3, 4, 2 and 6 bytes, one separator byte between two.
        let handouts: [(String, Int)] = [("Ben", 5), ("", 3), ("Ana", 4), ("Ben", 2), ("Ana", 6)]
        var bundles = PrintBundles(separator: 1)
        var offset = 0
        for (i, (therapist, length)) in handouts.enumerated() {
            if i > 0 { offset += 1 }
            try bundles.add(therapist: therapist, offset: offset, length: length)
            offset += length
        }
        var seen: [(String, [Range<Int>])] = []
        try bundles.forEachTherapist { seen.append(($0, $1)) }
        #expect(seen.map(\.0) == ["", "Ana", "Ben"])
        #expect(seen.map(\.1) == [[6..<9], [10..<14, 18..<24], [0..<5, 15..<17]])
        #expect(bundles.longest == 6)
    }

    @Test("offsets past many handouts (walked from every 64th) are where the print file has them")
    func manyHandouts() throws {
        var bundles = PrintBundles(separator: 2)
        var expected: [String: [Range<Int>]] = [:]
        var offset = 0
        for i in 0..<1000 {
            if i > 0 { offset += 2 }
            let therapist = ["Ana", "Ben", "", "Chloé"][i * 7 % 4]
            let length = 1 + i * 37 % 500
            try bundles.add(therapist: therapist, offset: offset, length: length)
            expected[therapist, default: []].append(offset..<(offset + length))
            offset += length
        }
        var seen: [String: [Range<Int>]] = [:]
        try bundles.forEachTherapist { seen[$0] = $1 }
        #expect(seen == expected)
    }

    @Test("kept on disk a batch at a time, past two batches, the bundles come back as held in memory")
    func spilled() throws {
        let dir = try ScratchRowsTests().folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var onDisk = try PrintBundles(separator: 1, scratchFolder: dir)
        var inMemory = PrintBundles(separator: 1)
        var offset = 0
        for i in 0..<(2 * PrintBundles.batch + 321) {
            if i > 0 { offset += 1 }
            let therapist = i % 1000 == 7 ? "Ana" : ["Ben", "", "Chloé Martin"][i % 3]
            let length = 100 + i % 4001
            try onDisk.add(therapist: therapist, offset: offset, length: length)
            try inMemory.add(therapist: therapist, offset: offset, length: length)
            offset += length
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "the scratch file has no name")
        var a: [String: [Range<Int>]] = [:]
        var b: [String: [Range<Int>]] = [:]
        try onDisk.forEachTherapist { a[$0] = $1 }
        try inMemory.forEachTherapist { b[$0] = $1 }
        #expect(a == b && a.keys.sorted() == ["", "Ana", "Ben", "Chloé Martin"])
        #expect(onDisk.longest == 4100 && inMemory.longest == 4100)
    }

    @Test("no handouts: no therapist")
    func empty() throws {
        var calls = 0
        try PrintBundles(separator: 1).forEachTherapist { _, _ in calls += 1 }
        #expect(calls == 0 && PrintBundles(separator: 1).longest == 0)
    }
}
