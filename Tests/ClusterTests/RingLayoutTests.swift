import Testing
@testable import Cluster

/// `show ring`'s arithmetic: shares are exact and add up to the ring; ranges cover it once.
@Suite struct RingLayoutTests {
    /// Every range of every node, in position order, from 0 to the end of the ring with no gap or
    /// overlap; each node's ranges add up to its share.
    func expectCoversTheRing(_ layout: RingLayout, sourceLocation: SourceLocation = #_sourceLocation) {
        let ranges = layout.shares.flatMap(\.ranges).sorted { $0.lowerBound < $1.lowerBound }
        var next: UInt128 = 0
        for range in ranges {
            #expect(range.lowerBound == next, sourceLocation: sourceLocation)
            #expect(!range.isEmpty, sourceLocation: sourceLocation)
            next = range.upperBound
        }
        #expect(next == RingLayout.ringSize, sourceLocation: sourceLocation)
        for share in layout.shares {
            #expect(share.ranges.reduce(0) { $0 + ($1.upperBound - $1.lowerBound) } == share.owned,
                    sourceLocation: sourceLocation)
        }
        #expect(layout.shares.reduce(0) { $0 + $1.owned } == RingLayout.ringSize, sourceLocation: sourceLocation)
        #expect(layout.ownedBasisPoints.reduce(0, +) == 10_000, sourceLocation: sourceLocation)
    }

    func layout(_ tokens: [UInt64], _ owners: [NodeID], nodes: [NodeID], replicas: Int = 1) -> RingLayout {
        let ring = Ring(members: nodes.map { node in
            (node, zip(tokens, owners).filter { $0.1 == node }.map(\.0))
        })
        return RingLayout(tokens: ring.tokens, owners: ring.owners, nodes: nodes) { i in
            ring.preferenceList(from: ring.tokens[i], count: replicas) { _ in true }
        }
    }

    @Test func oneNodeOwnsTheWholeRingInOneRange() {
        let l = layout([7, 1 << 40, UInt64.max / 2], [0, 0, 0], nodes: [0])
        #expect(l.shares[0].ranges == [0 ..< RingLayout.ringSize])
        #expect(l.ownedBasisPoints == [10_000])
        expectCoversTheRing(l)
    }

    /// Token t owns (previous token, t]; the first token also owns what lies after the last.
    @Test func aTokenOwnsUpToItselfAndTheFirstWraps() {
        let l = layout([100, 200], [0, 1], nodes: [0, 1])
        #expect(l.shares[0].ranges == [0 ..< 101, 201 ..< RingLayout.ringSize])
        #expect(l.shares[1].ranges == [101 ..< 201])
        #expect(l.shares[1].owned == 100)
        expectCoversTheRing(l)
    }

    @Test func tokensAtTheEndsAndTiedTokens() {
        expectCoversTheRing(layout([0, UInt64.max], [0, 1], nodes: [0, 1]))
        let tied = layout([5, 5, 9], [0, 1, 1], nodes: [0, 1])
        #expect(tied.shares[1].ranges == [6 ..< 10])
        expectCoversTheRing(tied)
    }

    /// Three equal thirds cannot each be written 33.33%: the largest remainder, then the node
    /// listed first, takes the last hundredth.
    @Test func roundedSharesAddUpToExactlyOneHundredPercent() {
        let third = UInt64.max / 3
        let l = layout([third, 2 * third + 1, UInt64.max], [0, 1, 2], nodes: [0, 1, 2])
        #expect(l.ownedBasisPoints == [3_334, 3_333, 3_333])
        expectCoversTheRing(l)
    }

    @Test func heldSharesCountEveryReplica() {
        let tokens: [UInt64] = [10, 1 << 50, 1 << 60, 1 << 62, 1 << 63, UInt64.max - 3]
        let l = layout(tokens, [0, 1, 2, 3, 1, 0], nodes: [0, 1, 2, 3], replicas: 3)
        #expect(l.shares.reduce(0) { $0 + $1.held } == 3 * RingLayout.ringSize)
        expectCoversTheRing(l)
    }

    @Test func clustersOfEverySizeCoverTheRing() throws {
        for count in 1 ... 9 {
            for vnodes in [1, 3, 8] {
                let c = Cluster(settings: try settings(vnodes: vnodes))
                try c.add((1 ... count).map { "n\($0)" })
                let ring = c.sim.groundTruthRing()
                let l = RingLayout(tokens: ring.tokens, owners: ring.owners, nodes: c.sim.members.map(\.index)) { i in
                    ring.preferenceList(from: ring.tokens[i], count: 3) { _ in true }
                }
                expectCoversTheRing(l)
                #expect(l.shares.reduce(0) { $0 + $1.held } == UInt128(min(3, count)) * RingLayout.ringSize)
            }
        }
    }

    func settings(vnodes: Int) throws -> Settings {
        var s = Settings()
        s.vnodes = vnodes
        return s
    }

    @Test func percentsHaveTwoDecimals() {
        #expect(RingLayout.percent(basisPoints: 0) == "0.00%")
        #expect(RingLayout.percent(basisPoints: 5) == "0.05%")
        #expect(RingLayout.percent(basisPoints: 1_230) == "12.30%")
        #expect(RingLayout.percent(basisPoints: 10_000) == "100.00%")
        #expect(RingLayout.text(of: 0 ..< RingLayout.ringSize / 4) == "0.00-25.00")
        #expect(RingLayout.basisPoints(RingLayout.ringSize / 3) == 3_333)
    }

    @Test func showRingTable() throws {
        let c = Cluster()
        try c.add(["n1", "n2", "n3", "n4"])
        let t = c.showRing()
        #expect(t.title == "ring (4 nodes, 32 tokens, 3 replicas)")
        #expect(t.headers == ["node", "share", "holds", "ranges (% of the ring)"])
        #expect(t.rows.map { $0[0] } == ["n1", "n2", "n3", "n4"])
        let points = t.rows.map { row in Int(row[1].filter(\.isNumber)) ?? -1 }
        #expect(points.reduce(0, +) == 10_000)
        #expect(t.rows.allSatisfy { $0[3].hasSuffix(where: \.isNumber) })
        let one = Cluster()
        try one.add(["solo"])
        #expect(one.showRing().title == "ring (1 node, 8 tokens, 3 replicas)")
        #expect(one.showRing().rows == [["solo", "100.00%", "100.00%", "0.00-100.00"]])
    }
}

private extension String {
    func hasSuffix(where predicate: (Character) -> Bool) -> Bool { last.map(predicate) ?? false }
}
