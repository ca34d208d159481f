import Testing
@testable import Cluster

/// The network model's rules, observed through traces and outcomes.
@Suite struct NetworkRuleTests {
    func traced(_ c: Cluster) -> () -> [String] {
        var lines: [String] = []
        c.tracing = true
        c.onEvent = { if case .trace(let t) = $0 { lines.append(t) } }
        return { lines }
    }

    @Test func linksAreFifo() throws {
        let c = Cluster(seed: 3)
        try c.add(["a", "b"])
        let lines = traced(c)
        for i in 0..<200 {
            c.sim.send(from: 0 as NodeID, to: 1, .repair(key: c.sim.internKey("m\(i)"), object: ObjectRecord()))
        }
        c.advance(by: 100_000)
        // Each message draws its own delay (1ms..10ms), yet they arrive in the sending order.
        let order = lines().filter { $0.contains("deliver a→b repair m") }.compactMap { $0.split(separator: "m").last.flatMap { Int($0) } }
        #expect(order == Array(0..<200))
    }

    @Test func partitionCutsNodesButNotTheClient() throws {
        let c = Cluster()
        try c.add(["a", "b", "c"])
        try c.partition([["a"], ["b", "c"]])
        let lines = traced(c)
        c.advance(by: 3_000_000)
        #expect(lines().contains { $0.contains("drop a→") && $0.contains("(partition)") })
        #expect(!lines().contains { $0.contains("deliver a→b") || $0.contains("deliver b→a") })
        // The client still reaches a; with N=3, W=2 and b, c unreachable from a, the write fails.
        let r = try c.put("k", [("x", "1")], via: "a")
        #expect(!r.succeeded)
        c.heal()
        c.advance(by: 3_000_000)
        #expect(lines().contains { $0.contains("deliver a→b") || $0.contains("deliver a→c") })
    }

    @Test func isolationCutsOneNode() throws {
        let c = Cluster()
        try c.add(["a", "b", "c"])
        try c.isolate("b")
        c.advance(by: 8_000_000)
        #expect(try c.sees("a", "b") == false)
        #expect(try c.sees("a", "c") == true)
        #expect(try c.sees("b", "a") == false)
    }

    /// A new `partition` replaces the previous one; an isolation stays until `heal`.
    @Test func aNewPartitionReplacesTheLastButIsolationsStay() throws {
        let c = Cluster()
        try c.add(["a", "b", "c", "d"])
        try c.isolate("d")
        try c.partition([["a"], ["b", "c"]])
        c.advance(by: 8_000_000)
        #expect(try c.sees("a", "b") == false && c.sees("a", "c") == false && c.sees("a", "d") == false)
        #expect(try c.sees("b", "c") == true)
        try c.partition([["a", "b"], ["c"]])
        c.advance(by: 8_000_000)
        #expect(try c.sees("a", "b") == true)
        #expect(try c.sees("b", "c") == false && c.sees("a", "c") == false)
        #expect(try c.sees("a", "d") == false && c.sees("d", "a") == false)
        c.heal()
        c.advance(by: 8_000_000)
        for (x, y) in [("a", "b"), ("a", "c"), ("b", "c"), ("a", "d"), ("d", "c")] { #expect(try c.sees(x, y) == true) }
    }

    /// Nodes not named in a partition stay connected to every group.
    @Test func nodesNotNamedStayConnectedToAll() throws {
        let c = Cluster()
        try c.add(["a", "b", "c"])
        try c.partition([["a"], ["b"]])
        let lines = traced(c)
        c.advance(by: 3_000_000)
        #expect(lines().contains { $0.contains("drop a→b") && $0.contains("(partition)") })
        for link in ["a→c", "c→a", "b→c", "c→b"] { #expect(lines().contains { $0.contains("deliver \(link)") }, "\(link)") }
    }

    @Test func killedReceiverLosesPausedReceiverBuffers() throws {
        let c = Cluster()
        try c.add(["a", "b", "c"])
        let lines = traced(c)
        try c.kill("b", wipe: false)
        try c.pause("c")
        c.advance(by: 3_000_000)
        #expect(lines().contains { $0.contains("→b") && $0.contains("(killed)") })
        #expect(!lines().contains { $0.contains("deliver a→c") })
        try c.resume("c")
        #expect(lines().contains { $0.contains("deliver a→c") })
    }

    @Test func killedSendersMessagesStillArrive() throws {
        let c = Cluster()
        try c.add(["a", "b"])
        c.sim.send(from: 0 as NodeID, to: 1, .handoffAck(key: 0, version: 0))
        try c.kill("a", wipe: false)
        let lines = traced(c)
        c.advance(by: 20_000)
        #expect(lines().contains { $0.contains("deliver a→b handoff-ack") })
    }

    @Test func lossDropsEverythingAtFullRate() throws {
        let c = Cluster()
        var s = c.settings
        s.lossPPM = 1_000_000
        try c.configure(s)
        try c.add(["a", "b", "c"])
        #expect(try !c.put("k", [("x", "1")]).succeeded)
    }
}
