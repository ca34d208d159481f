import Testing
@testable import Lang

/// `show ring` as a script prints it: shares that add up to 100%, ranges that cover the ring, and
/// the tokens only with `show ring tokens`.
@Suite struct ShowRingTests {
    struct Row {
        var node: String
        var share: Int
        var holds: Int
        var ranges: [(from: Int, to: Int)]
    }

    /// `12.34%` or `12.34` in hundredths.
    static func points(_ text: some StringProtocol) -> Int {
        let digits = String(text).filter { $0 != "%" }
        let parts = digits.split(separator: ".")
        let whole: Int = Int(parts[0]) ?? -1
        let hundredths: Int = Int(parts[1]) ?? -1
        return whole * 100 + hundredths
    }

    /// The rows of the first `ring (` table in `output`.
    static func rows(_ output: String) -> [Row] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let title = lines.firstIndex(where: { $0.hasPrefix("ring (") }) else { return [] }
        var rows: [Row] = []
        for line in lines[(title + 2)...] {
            guard line.hasPrefix("  ") else { break }
            let cells = line.split(separator: " ")
            rows.append(Row(node: String(cells[0]), share: points(cells[1]), holds: points(cells[2]),
                            ranges: cells[3...].map { range in
                                let ends = range.split(separator: "-")
                                return (points(ends[0]), points(ends[1]))
                            }))
        }
        return rows
    }

    @Test func sharesAddUpToOneHundredPercentAndRangesCoverTheRing() {
        for nodes in ["n1", "n1 n2", "n1 n2 n3", "a b c d e f g"] {
            let run = runScript("add \(nodes)\nshow ring\n")
            #expect(run.outcome == .finished, "\(run.errors)")
            let rows = Self.rows(run.output)
            #expect(rows.map(\.node) == nodes.split(separator: " ").map(String.init))
            #expect(rows.reduce(0) { $0 + $1.share } == 10_000, "\(run.output)")
            let ranges = rows.flatMap(\.ranges).sorted { $0.from < $1.from }
            #expect(ranges.first?.from == 0)
            #expect(ranges.last?.to == 10_000)
            for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.to == b.from, "\(run.output)") }
            let replicas = min(3, rows.count)
            #expect(rows.allSatisfy { abs($0.holds - 10_000 * replicas / rows.count) < 10_000 }, "\(run.output)")
        }
    }

    /// A node down for `rehash` holds no replica any more (its ranges re-replicated to the next
    /// nodes); its tokens, so its share, stay.
    @Test func aNodeOutForRehashHoldsNothing() {
        let run = runScript("add n1 n2 n3 n4\nshow ring\nkill n2\nadvance 11s\nshow ring\n")
        #expect(run.outcome == .finished, "\(run.errors)")
        let before = Self.rows(run.output)
        let tables = run.output.components(separatedBy: "ring (")
        let after = Self.rows("ring (" + tables[2])
        #expect(after.map(\.share) == before.map(\.share))
        #expect(after[1].holds == 0)
        #expect(after.reduce(0) { $0 + $1.holds } == 30_000)
    }

    @Test func tokensOnlyOnRequest() {
        let run = runScript("add n1 n2\nshow ring\nshow ring tokens\n")
        #expect(run.outcome == .finished, "\(run.errors)")
        let parts = run.output.components(separatedBy: "ring (16 tokens)\n")
        #expect(parts.count == 2)
        #expect(!parts[0].contains("token "))
        let tokenLines = parts[1].split(separator: "\n").dropFirst()
        #expect(tokenLines.count == 16)
        #expect(tokenLines.allSatisfy { $0.split(separator: " ")[0].count == 16 })
    }

    @Test func sameOutputOnEveryRunAndSeed() {
        let script = "add n1 n2 n3\nshow ring\n"
        #expect(runScript(script).output == runScript(script, seed: 99).output)
    }
}
