import Testing
@testable import Cluster

@Suite struct RangeMemoTests {
    /// Answers are kept per range through the table's growth and collisions, and a new basis
    /// forgets them all.
    @Test func keepsAnswersPerRangeUntilTheBasisChanges() {
        var memo = RangeMemo<Int>()
        let basis = RangeMemoBasis(rangeCount: 8_000, ringVersion: 3, routingVersion: 7, replicas: 3)
        // Ranges in a scattered order, enough to grow the table several times.
        let ranges = (0..<700).map { ($0 * 7_919) % 8_000 }
        for r in ranges {
            #expect(memo.lookup(range: r, basis: basis) == nil)
            memo.record(r * 10, range: r)
        }
        for r in ranges { #expect(memo.lookup(range: r, basis: basis) == r * 10) }
        #expect(memo.lookup(range: 1, basis: basis) == nil)  // 1 is not among them
        memo.record(-5, range: ranges[3])
        #expect(memo.lookup(range: ranges[3], basis: basis) == -5)
        for changed in [RangeMemoBasis(rangeCount: 8_000, ringVersion: 3, routingVersion: 8, replicas: 3),
                        RangeMemoBasis(rangeCount: 8_000, ringVersion: 4, routingVersion: 8, replicas: 3),
                        RangeMemoBasis(rangeCount: 8_000, ringVersion: 4, routingVersion: 8, replicas: 2)] {
            memo.record(1, range: 0)
            #expect(memo.lookup(range: 0, basis: changed) == nil)
            #expect(memo.lookup(range: ranges[5], basis: changed) == nil)
        }
    }
}
