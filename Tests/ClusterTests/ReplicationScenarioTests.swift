import Testing
@testable import Cluster

@Suite struct ReplicationScenarioTests {
    func cluster(_ n: Int = 5, seed: UInt64 = 1) throws -> Cluster {
        let c = Cluster(seed: seed)
        try c.add((1...n).map { "n\($0)" })
        return c
    }

    /// A put's fields in any order (here against the order their names were first seen, which
    /// is their id order) are stored by field; a field named twice keeps its first value.
    @Test func putFieldsInAnyOrder() throws {
        let c = try cluster()
        _ = try c.put("first", [("a", "0"), ("b", "0"), ("c", "0")])
        _ = try c.put("k", [("c", "1"), ("a", "2"), ("b", "3"), ("a", "4")])
        #expect(try c.get("k") == fv(("a", "2"), ("b", "3"), ("c", "1")))
        c.advance(by: 100_000)
        for o in c.owners(of: "k") { #expect(c.replica(o, "k") == fv(("a", "2"), ("b", "3"), ("c", "1"))) }
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func quorumPutAndGet(seed: UInt64) throws {
        let c = try cluster(seed: seed)
        let put = try c.put("Alice", [("balance", "100"), ("name", "Alice")])
        guard case .written(let acks, let coordinator) = put else { Issue.record("\(put)"); return }
        #expect(acks >= 2)
        #expect(coordinator == c.owners(of: "Alice")[0])
        #expect(try c.get("Alice") == fv(("balance", "100"), ("name", "Alice")))
        #expect(try c.get("Alice", ["name"]) == fv(("name", "Alice")))
        #expect(try c.get("Bob") == nil)
        c.advance(by: 100_000)
        for o in c.owners(of: "Alice") { #expect(c.replica(o, "Alice") == fv(("balance", "100"), ("name", "Alice"))) }
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func sparseUpdatesAndDeletes(seed: UInt64) throws {
        let c = try cluster(seed: seed)
        _ = try c.put("k", [("a", "1"), ("b", "2")])
        _ = try c.put("k", [("b", "3")])
        #expect(try c.get("k") == fv(("a", "1"), ("b", "3")))
        _ = try c.delete("k", ["a"])
        #expect(try c.get("k") == fv(("b", "3")))
        _ = try c.delete("k", ["b"])
        #expect(try c.get("k") == nil)
        _ = try c.put("k", [("c", "4")])
        _ = try c.delete("k")
        #expect(try c.get("k") == nil)
        _ = try c.put("k", [("d", "5")])
        #expect(try c.get("k") == fv(("d", "5")))
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func getAfterKillOfOneReplica(seed: UInt64) throws {
        let c = try cluster(seed: seed)
        _ = try c.put("Alice", [("x", "1")])
        try c.kill(c.owners(of: "Alice")[0], wipe: false)
        #expect(try c.get("Alice") == fv(("x", "1")))
        #expect(try c.put("Alice", [("x", "2")]).succeeded)
        #expect(try c.get("Alice") == fv(("x", "2")))
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func viaKilledOrPausedNodeTimesOut(seed: UInt64) throws {
        let c = try cluster(seed: seed)
        try c.kill("n1", wipe: false)
        try c.pause("n2")
        #expect(try !c.put("k", [("a", "1")], via: "n1").succeeded)
        #expect(try !c.put("k", [("a", "1")], via: "n2").succeeded)
        #expect(c.now >= 2_000_000)
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func noRunningNodeFailsAfterTimeout(seed: UInt64) throws {
        let c = try cluster(1, seed: seed)
        try c.kill("n1", wipe: false)
        let before = c.now
        #expect(try !c.put("k", [("a", "1")]).succeeded)
        #expect(c.now - before == c.settings.timeout)
    }

    @Test(arguments: TestSeeds.list([1, 2, 3, 4, 5]))
    func writesOnBothSidesOfAPartitionMergeAfterHeal(seed: UInt64) throws {
        let c = try cluster(seed: seed)
        _ = try c.put("k", [("a", "0"), ("b", "0")])
        try c.partition([["n1", "n2"], ["n3", "n4", "n5"]])
        c.advance(by: 8_000_000)
        #expect(try c.put("k", [("a", "left")], via: "n1").succeeded)
        #expect(try c.put("k", [("b", "right")], via: "n4").succeeded)
        c.heal()
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        let owners = c.owners(of: "k")
        for o in owners { #expect(c.replica(o, "k") == fv(("a", "left"), ("b", "right"))) }
        #expect(try c.get("k") == fv(("a", "left"), ("b", "right")))
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func killAndRehashMovesOwnersAndConverges(seed: UInt64) throws {
        let c = try cluster(seed: seed)
        _ = try c.put("Alice", [("x", "1")])
        let before = c.owners(of: "Alice")
        let victim = before[1]
        try c.kill(victim, wipe: false)
        c.advance(by: 5_000_000)
        #expect(c.owners(of: "Alice") == before)
        #expect(!c.convergence().isConverged)
        c.advance(by: 6_000_000)
        let after = c.owners(of: "Alice")
        #expect(!after.contains(victim))
        #expect(after.count == 3)
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        for o in after { #expect(c.replica(o, "Alice") == fv(("x", "1"))) }
        for n in c.nodeNames where n != victim { #expect(try c.sees(n, victim) == false) }
        // Restart: the node returns to its ranges and catches up.
        _ = try c.put("Alice", [("x", "2")])
        try c.restart(victim)
        #expect(c.owners(of: "Alice") == before)
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        #expect(c.replica(victim, "Alice") == fv(("x", "2")))
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func hintedHandoffDeliversAfterReturn(seed: UInt64) throws {
        let c = try cluster(seed: seed)
        let owners = c.owners(of: "k")
        try c.pause(owners[2])
        c.advance(by: 7_000_000)  // held down, not yet out for rehash
        #expect(try c.put("k", [("a", "1")], via: owners[0]).succeeded)
        c.advance(by: 50_000)
        let holders = c.nodeNames.filter { n in
            c.sim.nameIndex[n].map { !c.sim.nodes[$0].hints.isEmpty } ?? false
        }
        #expect(holders.count == 1)
        #expect(c.replica(owners[2], "k") == [])
        try c.resume(owners[2])
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        #expect(c.replica(owners[2], "k") == fv(("a", "1")))
        #expect(c.sim.members.allSatisfy { $0.hints.isEmpty })
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func joinMovesDataToTheNewNode(seed: UInt64) throws {
        let c = try cluster(3, seed: seed)
        for i in 1...30 { _ = try c.put("key\(i)", [("v", "\(i)")]) }
        try c.add(["n4"])
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        var held = 0
        for i in 1...30 where c.owners(of: "key\(i)").contains("n4") {
            held += 1
            #expect(c.replica("n4", "key\(i)") == fv(("v", "\(i)")))
        }
        #expect(held > 0)
        #expect(try c.sees("n1", "n4"))
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func gracefulRemoveHandsOff(seed: UInt64) throws {
        let c = try cluster(4, seed: seed)
        for i in 1...20 { _ = try c.put("key\(i)", [("v", "\(i)")]) }
        #expect(try c.remove("n2") == .handedOff)
        #expect(c.nodeNames == ["n1", "n3", "n4"])
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        for i in 1...20 { #expect(try c.get("key\(i)") == fv(("v", "\(i)"))) }
        try c.add(["n2"])  // the name is free again
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func removeOfKilledNodeDropsAtOnce(seed: UInt64) throws {
        let c = try cluster(4, seed: seed)
        _ = try c.put("k", [("a", "1")])
        try c.kill("n3", wipe: false)
        #expect(try c.remove("n3") == .dropped)
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        #expect(try c.get("k") == fv(("a", "1")))
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func wipeWithOneReplicaLosesData(seed: UInt64) throws {
        let c = try cluster(3, seed: seed)
        var s = c.settings
        s.replicas = 1; s.read = 1; s.write = 1
        try c.configure(s)
        _ = try c.put("k", [("a", "1")])
        let owner = c.owners(of: "k")[0]
        try c.kill(owner, wipe: true)
        try c.restart(owner)
        #expect(c.waitConverged(limit: 60_000_000))
        #expect(try c.get("k") == nil)
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func wipedReplicaCatchesUpAfterRestart(seed: UInt64) throws {
        let c = try cluster(seed: seed)
        for i in 1...10 { _ = try c.put("key\(i)", [("v", "\(i)")]) }
        try c.kill("n1", wipe: true)
        try c.restart("n1")
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        for i in 1...10 where c.owners(of: "key\(i)").contains("n1") {
            #expect(c.replica("n1", "key\(i)") == fv(("v", "\(i)")))
        }
        for i in 1...10 { #expect(try c.get("key\(i)", via: "n1") == fv(("v", "\(i)"))) }
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func changingReplicasReReplicates(seed: UInt64) throws {
        let c = try cluster(seed: seed)
        for i in 1...10 { _ = try c.put("key\(i)", [("v", "\(i)")]) }
        var s = c.settings
        s.replicas = 5
        try c.configure(s)
        #expect(c.owners(of: "key1").count == 5)
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        for i in 1...10 { for o in c.owners(of: "key\(i)") { #expect(c.replica(o, "key\(i)") == fv(("v", "\(i)"))) } }
        s.replicas = 2
        s.read = 1; s.write = 1
        try c.configure(s)
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        #expect(try c.get("key3") == fv(("v", "3")))
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func heavyLossStillConverges(seed: UInt64) throws {
        let c = Cluster(seed: seed)
        var s = c.settings
        s.lossPPM = 200_000
        try c.configure(s)
        try c.add(["n1", "n2", "n3", "n4", "n5"])
        var acked = 0
        for i in 1...20 where try c.put("key\(i)", [("v", "\(i)")]).succeeded { acked += 1 }
        #expect(acked > 0)
        try c.kill("n2", wipe: false)
        c.advance(by: 15_000_000)
        try c.restart("n2")
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
    }

    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func sameScriptSameSeedSameTrace(seed: UInt64) throws {
        func run() throws -> [String] {
            let c = Cluster(seed: seed)
            var lines: [String] = []
            c.tracing = true
            c.onEvent = { if case .trace(let t) = $0 { lines.append(t) } }
            try c.add(["a", "b", "c"])
            _ = try c.put("k", [("f", "1")])
            c.advance(by: 3_000_000)
            return lines
        }
        let a = try run(), b = try run()
        #expect(a == b)
        #expect(a.contains { $0.contains("send client→") && $0.contains("put k") })
    }
}

@Suite struct VersionAPITests {
    @Test func writesReportTheirVersionAndDisksShowIt() throws {
        let c = Cluster()
        try c.add(["n1", "n2", "n3"])
        c.advance(by: 5_000)
        let id = try c.submit(.put(key: "k", fields: [FieldValue("a", "1")], via: "n2"))
        #expect(c.version(of: id) == nil)
        c.advance(by: 1_000_000)
        let v = try #require(c.version(of: id))
        #expect(v.coordinator == "n2")
        #expect(v.time >= 5_000)
        let stored = c.storedFields(of: "k")
        #expect(stored.count == 3)
        #expect(stored.allSatisfy { $0.field == "a" && $0.value == "1" && $0.version == v && $0.visible })
        let del = try c.submit(.delete(key: "k", fields: [], via: nil))
        c.advance(by: 1_000_000)
        let dv = try #require(c.version(of: del))
        #expect(dv > v)
        #expect(c.storedFields(of: "k").contains { $0.field == nil && $0.version == dv && !$0.visible })
        #expect(c.storedFields(of: "k").filter { $0.field == "a" }.allSatisfy { !$0.visible })
        #expect(Version(time: 5, coordinator: "a") < Version(time: 5, coordinator: "b"))
    }
}
