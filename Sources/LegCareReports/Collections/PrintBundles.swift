import LegCareRun

/// Where each therapist's handouts lie in `handouts-print.txt`, for `print/<therapist>.txt`.
///
/// This keeps a therapist number and a length, 8 bytes a handout, not a range in an array
/// per therapist, and works out the offsets at the end: the print file holds the handouts
/// in input order, one separator between two. With a scratch folder, the numbers and
/// lengths wait in a scratch file a batch at a time, past the stream's memory peak.
struct PrintBundles {
    typealias Handout = (therapist: Int32, length: UInt32)
    private var therapists = NumberedTexts()
    /// The handouts not yet on disk.
    private var handouts: [Handout] = []
    private var spill: ScratchRows?
    /// Handouts noted, on disk and in memory.
    private var count = 0
    /// The longest handout, in bytes.
    private(set) var longest = 0
    /// Bytes between two handouts in the print file.
    let separator: Int
    /// Where the next handout starts (checked against the file's own offset).
    private var end = 0
    /// Handouts written to disk at a time.
    static let batch = 1 << 16

    /// Bundles kept on disk in batches, in a scratch file in `scratchFolder`.
    init(separator: Int, scratchFolder: String) throws {
        self.separator = separator
        spill = try ScratchRows(folder: scratchFolder)
    }

    /// Bundles held in memory.
    init(separator: Int) { self.separator = separator }

    /// Notes the next handout of the print file: `therapist` ("" for none) and its bytes.
    /// `offset` is where it starts in the file, as a check (in debug builds, so in the
    /// tests) that the two agree.
    mutating func add(therapist: String, offset: Int, length: Int) throws {
        let start = count == 0 ? 0 : end + separator
        assert(offset == start, "print bundles out of step with the print file")
        handouts.append((therapists.number(therapist), UInt32(length)))
        count += 1
        longest = max(longest, length)
        end = start + length
        if let spill, handouts.count >= Self.batch {
            var record = ScratchRecord.Writer()
            for h in handouts {
                record.put(UInt32(bitPattern: h.therapist))
                record.put(h.length)
            }
            try spill.append(record: record.bytes)
            handouts.removeAll(keepingCapacity: true)
        }
    }

    /// Every handout noted, in input order.
    private func all() throws -> [Handout] {
        guard let spill else { return handouts }
        var all: [Handout] = []
        all.reserveCapacity(count)
        try spill.readBackRecords { bytes in
            var r = ScratchRecord.Reader(bytes)
            for _ in 0..<(bytes.count / 8) { all.append((Int32(bitPattern: r.u32()), r.u32())) }
        }
        all.append(contentsOf: handouts)  // into the room reserved, not a third copy
        return all
    }

    /// Each therapist in name order ("" first), with where each of their handouts lies in
    /// the print file, in input order.
    func forEachTherapist(_ body: (String, [Range<Int>]) throws -> Void) throws {
        let handouts = try all()
        // Where every 64th handout starts; the others are walked to from there.
        let step = 64
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(handouts.count / step + 1)
        var at = 0
        for (i, h) in handouts.enumerated() {
            if i % step == 0 { checkpoints.append(at) }
            at += Int(h.length) + separator
        }
        func offset(_ i: Int) -> Int {
            var at = checkpoints[i / step]
            for j in (i - i % step)..<i { at += Int(handouts[j].length) + separator }
            return at
        }
        // Handouts grouped by therapist, input order kept (a counting sort).
        var starts = [Int](repeating: 0, count: therapists.texts.count + 1)
        for h in handouts { starts[Int(h.therapist) + 1] += 1 }
        for t in therapists.texts.indices { starts[t + 1] += starts[t] }
        var next = starts
        var grouped = [Int32](repeating: 0, count: handouts.count)
        for (i, h) in handouts.enumerated() {
            grouped[next[Int(h.therapist)]] = Int32(i)
            next[Int(h.therapist)] += 1
        }
        let names = therapists.texts
        for t in names.indices.sorted(by: { names[$0] < names[$1] }) {
            let ranges = grouped[starts[t]..<starts[t + 1]].map { i in
                let start = offset(Int(i))
                return start..<(start + Int(handouts[Int(i)].length))
            }
            try body(names[t], ranges)
        }
    }
}
