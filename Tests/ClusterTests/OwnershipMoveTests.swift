import Testing
@testable import Cluster

/// Data a node holds for a key it no longer owns must reach the key's owners before the cluster
/// counts as converged: when a node comes back after `rehash` and when a node joins.
@Suite struct OwnershipMoveTests {
    private func cluster() throws -> Cluster {
        var s = Settings()
        s.replicas = 1
        s.read = 1
        s.write = 1
        let c = Cluster(seed: 1, settings: s)
        try c.add(["n1", "n2", "n3"])
        return c
    }

    /// A key whose preference list is `owner` now.
    private func key(ownedBy owner: String, in c: Cluster) -> String {
        (0..<1000).map { "k\($0)" }.first { c.owners(of: $0) == [owner] }!
    }

    @Test func writesOfAnInterimOwnerReachTheOwnerComingBack() throws {
        let c = try cluster()
        let k = key(ownedBy: "n1", in: c)
        #expect(try c.put(k, [("a", "1")]).succeeded)
        try c.kill("n1", wipe: false)
        c.advance(by: 15_000_000)
        let interim = c.owners(of: k)
        #expect(interim != ["n1"] && interim.count == 1)
        #expect(try c.put(k, [("a", "2")]).succeeded)
        // The interim owner cannot reach n1 directly (gossip still flows through the third node).
        try c.partition([["n1"], interim])
        try c.restart("n1")
        #expect(c.owners(of: k) == ["n1"])
        #expect(!c.waitConverged(limit: 10_000_000))
        #expect(c.convergence().unmet.contains { $0.contains(interim[0]) && $0.contains(k) },
                "\(c.convergence().unmet)")
        c.heal()
        let report = c.check(limit: 60_000_000)
        #expect(report.passed, "\(report)")
        #expect(try c.get(k) == fv(("a", "2")))
        #expect(c.replica("n1", k) == fv(("a", "2")))
    }

    @Test func dataOfTheOldOwnerReachesAJoiningOwner() throws {
        let c = try cluster()
        // A key that n4 takes over from a node other than the join contact (n1).
        let keys = (0..<1000).map { "k\($0)" }
        let ring = Cluster(seed: 1, settings: c.settings)
        try ring.add(["n1", "n2", "n3", "n4"])
        let k = keys.first { c.owners(of: $0) != ["n1"] && ring.owners(of: $0) == ["n4"] }!
        let old = c.owners(of: k)[0]
        #expect(try c.put(k, [("a", "1")]).succeeded)
        try c.add(["n4"])
        // The old owner cannot reach n4 directly (gossip still flows through the others).
        try c.partition([["n4"], [old]])
        #expect(!c.waitConverged(limit: 10_000_000))
        #expect(c.convergence().unmet.contains { $0.contains(old) && $0.contains(k) }, "\(c.convergence().unmet)")
        c.heal()
        let report = c.check(limit: 60_000_000)
        #expect(report.passed, "\(report)")
        #expect(c.owners(of: k) == ["n4"])
        #expect(c.replica("n4", k) == fv(("a", "1")))
    }

    /// A node that has not heard of a graceful leave yet (the leaving node's gossip was cut off)
    /// still gives the key to the leaving node: it must not take the handoff and hand it straight
    /// back, or the leave ends "handed off" with the data gone (found by a property test).
    @Test(arguments: TestSeeds.list([1, 2, 3, 4, 5]))
    func handoffIsNotBouncedBackToTheLeavingNode(seed: UInt64) throws {
        var s = Settings()
        s.replicas = 1
        s.read = 1
        s.write = 1
        let c = Cluster(seed: seed, settings: s)
        try c.add(["n1", "n2", "n3", "n4"])
        let k = key(ownedBy: "n4", in: c)
        #expect(try c.put(k, [("a", "1")]).succeeded)
        for n in ["n1", "n2", "n3"] { try c.isolate(n) }
        var outcome: RemoveOutcome?
        try c.beginRemove("n4") { outcome = $0 }
        c.advance(by: 12_000)  // the leave's gossip to every peer is cut; the handoff is sent again
        c.heal()
        c.advance(by: 60_000_000)
        #expect(outcome == .handedOff)
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        #expect(try c.get(k) == fv(("a", "1")))
        #expect(c.check(limit: 0).violations == [])
    }

    /// `ownsKey` and `placement` answer from a memo per range of each node's ring; they must
    /// agree with a fresh walk of the ring through every change of placement: a node going down,
    /// excluded after `rehash`, let back in, a join, a wiped disk, and `replicas` changed.
    @Test func cachedOwnershipAndPlacementAgreeWithAWalkThroughPlacementChanges() throws {
        let c = Cluster(seed: 3)
        try c.add(["n1", "n2", "n3", "n4", "n5"])
        let keys = (0..<300).map { c.sim.internKey("k\($0)") }
        func agree(_ when: String) {
            for node in c.sim.nodes where c.sim.machines[node.index].state == .running {
                for k in keys {
                    let cached = c.sim.context(node).ownsKey(k)
                    let walked = c.sim.context(node).currentRing().isAmong(node.index, from: c.sim.position(of: k),
                                                              count: c.settings.replicas) { n in
                        node.view.routing(n)?.eligible ?? false
                    }
                    #expect(cached == walked, "\(when): \(node.name) key \(k)")
                    let placed = c.sim.context(node).placement(k)
                    let placedByWalk = c.sim.context(node).placementWalk(c.sim.context(node).currentRing(), from: c.sim.position(of: k))
                    #expect(placed == placedByWalk, "\(when): \(node.name) places key \(k)")
                }
            }
        }
        c.advance(by: 3_000_000)
        agree("settled")
        try c.kill("n2", wipe: false)
        for step in 0..<8 {
            c.advance(by: 2_000_000)
            agree("n2 down, step \(step)")
        }
        try c.restart("n2")
        for step in 0..<4 {
            c.advance(by: 1_000_000)
            agree("n2 back, step \(step)")
        }
        try c.add(["n6"])
        c.advance(by: 5_000_000)
        agree("n6 joined")
        try c.kill("n3", wipe: true)
        try c.restart("n3")
        c.advance(by: 5_000_000)
        agree("n3 wiped")
        var s = c.settings
        s.replicas = 2
        s.write = 1
        s.read = 1
        try c.configure(s)
        agree("replicas 2")
    }
}
