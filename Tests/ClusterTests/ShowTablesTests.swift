import Testing
@testable import Cluster

@Suite struct ShowTablesTests {
    func cluster() throws -> Cluster {
        let c = Cluster()
        try c.add(["n1", "n2", "n3"])
        _ = try c.put("Alice", [("balance", "100"), ("name", "Alice")])
        _ = try c.openStream("s", key: "Alice", fields: ["balance"], initial: false)
        c.advance(by: 100_000)
        return c
    }

    @Test func ringListsEveryTokenWithItsOwner() throws {
        let t = try cluster().showRingTokens()
        #expect(t.rows.count == 3 * Settings().vnodes)
        #expect(t.headers == ["token", "node"])
        #expect(t.rows.map { $0[0] } == t.rows.map { $0[0] }.sorted())
        #expect(Set(t.rows.map { $0[1] }) == ["n1", "n2", "n3"])
    }

    @Test func nodesShowStateAndViews() throws {
        let c = try cluster()
        try c.kill("n3", wipe: false)
        c.advance(by: 8_000_000)
        let t = c.showNodes()
        #expect(t.rows.map { $0[0] } == ["n1", "n2", "n3"])
        #expect(t.rows[2][1] == "killed")
        #expect(t.rows[0].last?.contains("n3:down") == true)
        #expect(t.rows[0].last?.contains("n2:up") == true)
    }

    @Test func keyShowsEachReplicasFieldsAndStamps() throws {
        let c = try cluster()
        let t = c.showKey("Alice")
        #expect(t.rows.count == 6)  // 3 replicas × 2 fields
        #expect(t.rows.allSatisfy { $0[1] == "yes" && $0[4].contains("@") })
        #expect(c.showKey("nobody").rows.isEmpty)
    }

    /// Keys and values are written as the language reads them back: an empty value, one with
    /// blanks or a tab, or one that looks like a note is quoted, never mistaken for padding.
    @Test func keyQuotesValuesThatAreNotBareWords() throws {
        let c = Cluster()
        try c.add(["n1", "n2", "n3"])
        _ = try c.put("two words", [("a", ""), ("b", "x y"), ("c", "tab\there"), ("d", "1 (hidden)"), ("e", "plain")])
        let t = c.showKey("two words")
        #expect(t.title == "key \"two words\"")
        let values = Dictionary(t.rows.filter { $0[0] == "n1" }.map { ($0[2], $0[3]) }, uniquingKeysWith: { a, _ in a })
        #expect(values == ["a": "\"\"", "b": "\"x y\"", "c": "\"tab\\there\"", "d": "\"1 (hidden)\"", "e": "plain"])
    }

    /// The same quoting in a trace, a stream's row, and a report of what has not converged.
    @Test func tracesStreamsAndReportsQuoteKeys() throws {
        let c = Cluster()
        try c.add(["n1", "n2", "n3"])
        var lines: [String] = []
        c.tracing = true
        c.onEvent = { if case .trace(let t) = $0 { lines.append(t) } }
        let cut = c.owners(of: "two words").last!
        try c.isolate(cut)
        _ = try c.put("two words", [("a", "1")])
        #expect(lines.contains { $0.contains(" put \"two words\"") } && lines.contains { $0.contains(" write \"two words\"") })
        #expect(c.convergence().unmet.contains { $0.hasPrefix("key \"two words\": \(cut) differs from ") })
        _ = try c.openStream("s", key: "two words", fields: ["a"], initial: false)
        #expect(c.showStreams().rows.first?[1] == "\"two words\"")
    }

    /// A write a stand-in keeps for a node that is down shows as that node's hint, and is gone
    /// from the table once delivered.
    @Test func keyShowsHintsHeldForANodeThatIsDown() throws {
        let c = Cluster()
        try c.add(["n1", "n2", "n3", "n4", "n5"])
        c.advance(by: 2_000_000)
        let down = c.owners(of: "k")[1]
        try c.kill(down, wipe: false)
        c.advance(by: 7_000_000)  // past `suspect`: the coordinator holds it down
        _ = try c.put("k", [("a", "1")])
        let rows = c.showKey("k").rows
        let hinted = rows.filter { $0[3] == "1 (hint for \(down))" }
        #expect(hinted.count == 1, "\(rows)")
        #expect(hinted.first?[1] == "no" && hinted.first?[0] != down)
        try c.restart(down)
        #expect(c.waitConverged(limit: 60_000_000))
        #expect(!c.showKey("k").rows.contains { $0[3].contains("hint") })
        #expect(c.showKey("k").rows.contains { $0[0] == down && $0[3] == "1" })
    }

    /// A leaving node's data shows as its handoff until the new owners have it.
    @Test func keyShowsALeavingNodesHandoff() throws {
        let c = Cluster()
        try c.add(["n1", "n2", "n3", "n4", "n5"])
        c.advance(by: 2_000_000)
        _ = try c.put("k", [("a", "1")])
        let leaving = c.owners(of: "k")[0]
        var outcome: RemoveOutcome?
        try c.beginRemove(leaving) { outcome = $0 }
        #expect(c.showKey("k").rows.contains { $0[0] == leaving && $0[3] == "1 (handoff)" })
        while outcome == nil { c.advance(by: 100_000) }
        #expect(!c.showKey("k").rows.contains { $0[3].contains("handoff") })
    }

    @Test func streamsAndStats() throws {
        let c = try cluster()
        #expect(c.showStreams().rows == [["s", "Alice", "balance", "0", "connected", "0", "in place"]])
        let stats = c.showStats()
        #expect(stats.rows.contains { $0[0] == "message write" && $0[1] != "0" })
        #expect(stats.rows.contains { $0 == ["puts", "1", "", ""] })
        #expect(stats.rows.contains { $0[0] == "messages (all)" })
    }

    @Test func knownKeysAndFields() throws {
        let c = try cluster()
        #expect(c.knownKeys == ["Alice"])
        #expect(c.knownFields(of: "Alice") == ["balance", "name"])
        #expect(c.knownFields(of: "Bob") == [])
    }
}
