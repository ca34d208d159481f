import Testing
@testable import Cluster

@Suite struct ConvergenceTests {
    @Test func freshClusterConvergesAtOnce() throws {
        let c = Cluster()
        try c.add(["n1", "n2", "n3"])
        #expect(c.convergence().isConverged)
        #expect(c.waitConverged(limit: 1_000_000))
        #expect(c.now == 0)
    }

    @Test func downNodeBlocksConvergenceUntilRehash() throws {
        let c = Cluster()
        try c.add(["n1", "n2", "n3", "n4"])
        try c.kill("n2", wipe: false)
        let early = c.convergence().unmet
        #expect(early.contains("n1 holds n2 up"))
        c.advance(by: 8_000_000)
        let later = c.convergence().unmet
        #expect(!later.contains("n1 holds n2 up"))
        #expect(later.contains { $0.hasPrefix("n2 is killed for less than rehash") })
        #expect(c.waitConverged(limit: 10_000_000))
        #expect(c.now >= 10_000_000)
        #expect(try c.sees("n1", "n2") == false)
    }

    /// Nodes added while every member is paused contact a paused one (it takes the join when it
    /// resumes): else the new nodes find one another, stop gossiping to their seeds, and the old
    /// members never hear of them (found by a property test).
    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func nodesAddedWhileEveryMemberIsPausedAreKnownAfterResume(seed: UInt64) throws {
        let c = Cluster(seed: seed)
        try c.add(["n1", "n2"])
        try c.pause("n1")
        try c.pause("n2")
        try c.add(["n3"])
        try c.add(["n4"])
        try c.resume("n1")
        try c.resume("n2")
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        #expect(try c.sees("n1", "n4") && c.sees("n2", "n3"))
    }

    @Test func differingReplicasAndHintsAreNamed() throws {
        let c = Cluster()
        try c.add(["n1", "n2", "n3", "n4", "n5"])
        let owners = c.owners(of: "Alice")
        try c.pause(owners[2])
        c.advance(by: 7_000_000)
        _ = try c.put("Alice", [("balance", "1")], via: owners[0])
        try c.resume(owners[2])
        let unmet = c.convergence().unmet
        #expect(unmet.contains { $0.hasPrefix("key Alice: \(owners[2]) differs from \(owners[0]) on field balance") })
        #expect(unmet.contains { $0.hasPrefix("hint pending on") && $0.contains("for \(owners[2])") })
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
    }

    @Test func streamReportsInFlightBlockConvergence() throws {
        let c = Cluster()
        try c.add(["n1", "n2", "n3"])
        _ = try c.openStream("s", key: "k", fields: ["a"], initial: false)
        _ = try c.submit(.put(key: "k", fields: [FieldValue("a", "1")], via: nil))
        c.advance(by: 3_000)
        c.advance(by: 15_000)
        var sawReportClause = false
        for _ in 0..<20 where !sawReportClause {
            sawReportClause = c.convergence().unmet.contains("stream report in flight for s")
            c.advance(by: 500)
        }
        #expect(sawReportClause)
        #expect(c.waitConverged(limit: 5_000_000))
    }
}

@Suite struct LargeClusterTests {
    /// Push-pull gossip carries heartbeats to every node well within `suspect`, so a quiet
    /// cluster of 150 nodes holds no live member down.
    @Test func largeClusterHasNoFalseSuspicion() throws {
        let c = Cluster(seed: 4)
        try c.add((1...150).map { "n\($0)" })
        for _ in 0..<6 {
            c.advance(by: 5_000_000)
            #expect(c.convergence().unmet == [])
        }
    }
}
