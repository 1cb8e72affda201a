import Testing

@testable import LegCareRun

@Suite("The progress line of a long run")
struct ProgressLineTests {
    @Test("share read, rows a second with thousands grouped, time left in seconds then minutes")
    func format() {
        #expect(
            ProgressLine.line(file: "clients.csv", fraction: 0.42, rows: 42_000, elapsed: 3.4)
                == "legcare: clients.csv 42% read, 12,353 rows/s, about 5 s left")
        #expect(
            ProgressLine.line(file: "clients.csv", fraction: 0.1, rows: 100_000, elapsed: 20)
                == "legcare: clients.csv 10% read, 5,000 rows/s, about 3 min left")
        #expect(ProgressLine.line(file: "c.csv", fraction: 0, rows: 0, elapsed: 0) == "legcare: c.csv 0% read, 0 rows/s", "no guess yet")
        #expect(ProgressLine.line(file: "c.csv", fraction: 1.2, rows: 10, elapsed: 1).hasPrefix("legcare: c.csv 100% read"))
        #expect(ProgressLine.grouped(1_234_567) == "1,234,567" && ProgressLine.grouped(999) == "999")
    }
}
