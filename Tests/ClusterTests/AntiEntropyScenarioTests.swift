import Testing
@testable import Cluster

/// Merkle-tree anti-entropy on a running cluster: what an in-sync round costs on the wire, and
/// that it alone repairs a replica that missed writes.
@Suite struct AntiEntropyScenarioTests {
    /// Puts `count` keys ("k0"…), all in flight at once, and waits for every outcome.
    func load(_ c: Cluster, keys count: Int, value: String = "1", via: String? = nil) throws {
        var done = 0
        for i in 0..<count {
            _ = try c.submit(.put(key: "k\(i)", fields: [FieldValue("a", value), FieldValue("b", "x")], via: via)) { r in
                #expect(r.succeeded)
                done += 1
            }
        }
        while done < count { c.advance(by: 10_000) }
    }

    func stat(_ c: Cluster, _ name: String) -> Int {
        OperationCounter.allCases.first { $0.label == name }.map { c.sim.operationCounts[$0.rawValue] } ?? 0
    }
    func sent(_ c: Cluster, _ kind: MessageKind) -> Int { c.sim.network.stats.sent[kind.rawValue] }

    /// Ranges (of the ground-truth ring) times peers per range: what one round of every node
    /// sends at most when all is in sync, one root each.
    func rootsPerRound(_ c: Cluster) -> Int {
        c.sim.groundTruthRing().rangeCount * c.settings.replicas * (c.settings.replicas - 1)
    }

    @Test(arguments: TestSeeds.list([1, 2]))
    func inSyncRoundsSendOneHashPerSharedRange(seed: UInt64) throws {
        let c = Cluster(seed: seed)
        try c.add(["n1", "n2", "n3", "n4", "n5"])
        try load(c, keys: 1000)
        #expect(c.waitConverged(limit: 60_000_000))
        c.advance(by: 6_000_000)  // any repair of writes still settling is done
        let hashes = stat(c, "ae tree hashes sent"), digests = stat(c, "ae key digests sent")
        let trees = sent(c, .tree), pulls = sent(c, .pull)
        c.advance(by: 10_000_000)  // two rounds of every node
        let hashesPerRound = (stat(c, "ae tree hashes sent") - hashes) / 2
        #expect(hashesPerRound > 0)
        #expect(hashesPerRound <= rootsPerRound(c))
        // Per-key digests would have been 1000 keys × 3 replicas × 2 peers a round.
        #expect(hashesPerRound * 10 < 6000)
        #expect(stat(c, "ae key digests sent") == digests)
        #expect(sent(c, .pull) == pulls)
        // One ae-tree message per node and peer per round, as the per-key digests were.
        #expect(sent(c, .tree) - trees <= 2 * 5 * 4 + 5)
    }

    /// A key one replica alone changed (no write reached the others, no read repairs it): only
    /// its leaf's keys are listed, and the round repairs it.
    @Test(arguments: TestSeeds.list([1, 2]))
    func oneStaleKeyListsOnlyItsLeaf(seed: UInt64) throws {
        let c = Cluster(seed: seed)
        try c.add(["n1", "n2", "n3", "n4", "n5"])
        try load(c, keys: 1000)
        #expect(c.waitConverged(limit: 60_000_000))
        c.advance(by: 6_000_000)
        let sim = c.sim
        let key = KeyID(sim.keys.lookup("k500")!)
        let owner = sim.nodes[sim.nameIndex[c.owners(of: "k500")[0]]!]
        var newer = owner.store[key]!
        newer.fields[0].value = ValueID(sim.values.intern("2"))
        newer.fields[0].stamp = owner.nextStamp(now: sim.now)
        sim.context(owner).mergeData(key, newer)
        let digests = stat(c, "ae key digests sent")
        #expect(!c.convergence().isConverged)
        #expect(c.waitConverged(limit: 20_000_000))
        for n in c.owners(of: "k500") { #expect(c.replica(n, "k500") == fv(("a", "2"), ("b", "x"))) }
        // A leaf holds a few of a range's keys, and the two peers each compare it once or twice.
        let listed = stat(c, "ae key digests sent") - digests
        #expect(listed > 0 && listed < 60, "listed \(listed)")
        #expect(sim.operationCounts[OperationCounter.readRepairs.rawValue] == 0)
    }

    /// A replica down (or cut off) while writes went on, with no stand-in to keep hints for it
    /// (3 nodes, 3 replicas): anti-entropy alone brings it up to date.
    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func replicaThatMissedWritesIsRepaired(seed: UInt64) throws {
        for cut in [false, true] {
            var s = Settings()
            s.rehash = 120_000_000  // the replica stays an owner throughout
            let c = Cluster(seed: seed, settings: s)
            try c.configure(s)
            try c.add(["n1", "n2", "n3"])
            try load(c, keys: 300, value: "old")
            #expect(c.waitConverged(limit: 60_000_000))
            if cut {
                try c.partition([["n1", "n2"], ["n3"]])
            } else {
                try c.kill("n3", wipe: false)
            }
            c.advance(by: 8_000_000)
            try load(c, keys: 300, value: "new", via: "n1")
            #expect(c.replica("n3", "k7") == fv(("a", "old"), ("b", "x")))
            if cut { c.heal() } else { try c.restart("n3") }
            #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
            for i in 0..<300 { #expect(c.replica("n3", "k\(i)") == fv(("a", "new"), ("b", "x"))) }
            #expect(stat(c, "hints delivered") == 0)
            #expect(stat(c, "read repairs") == 0)
            #expect(c.sim.nodes.allSatisfy { $0.hints.isEmpty })
            #expect(sent(c, .push) > 0)
        }
    }
}
