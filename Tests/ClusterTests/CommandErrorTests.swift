import Testing
@testable import Cluster

/// Commands that cannot apply throw the right kind of ClusterError, naming the subject.
@Suite struct CommandErrorTests {
    func kind(_ body: () throws -> Void) -> ClusterError.Kind? {
        do { try body() } catch { return (error as? ClusterError)?.kind }
        return nil
    }

    @Test func lifecycleErrors() throws {
        let c = Cluster()
        #expect(kind { _ = try c.perform(.get(key: "k", fields: [], via: nil)) } == .noNodes)
        try c.add(["n1", "n2"])
        #expect(kind { try c.add(["n3", "n2"]) } == .alreadyInCluster)
        #expect(c.nodeNames == ["n1", "n2"])  // nothing of a failed add applies
        #expect(kind { try c.add(["x", "x"]) } == .alreadyInCluster)
        #expect(kind { try c.kill("n9", wipe: false) } == .notInCluster)
        #expect(kind { try c.restart("n1") } == .notKilled)
        #expect(kind { try c.resume("n1") } == .notPaused)
        try c.pause("n1")
        #expect(kind { try c.pause("n1") } == .notRunning)
        try c.kill("n1", wipe: false)
        #expect(kind { try c.kill("n1", wipe: true) } == .alreadyKilled)
        #expect(kind { _ = try c.remove("n2") } == .lastRunningNode)
        #expect(kind { _ = try c.sees("n2", "zz") } == .notInCluster)
        #expect(kind { _ = try c.perform(.get(key: "k", fields: [], via: "zz")) } == .notInCluster)
        #expect(kind { try c.partition([["n1"]]) } == .invalidPartition)
        #expect(kind { try c.partition([["n1"], ["n1"]]) } == .invalidPartition)
        #expect(kind { try c.partition([["n1"], []]) } == .invalidPartition)
        #expect(kind { try c.isolate("nope") } == .notInCluster)
        #expect(kind { _ = try c.reconnectStream("s") } == .streamNotOpen)
        #expect(kind { try c.schedule(at: -1) {} } == .timeInPast)
        do {
            try c.restart("n2")
            Issue.record("restart of a running node applied")
        } catch {
            #expect(error.subject == "n2")
            #expect(error.message == "node n2 is not killed")
        }
    }

    @Test func removedNameIsUnknownThenFreeAgain() throws {
        let c = Cluster()
        try c.add(["a", "b", "c"])
        #expect(try c.remove("c") == .handedOff)
        #expect(c.state(of: "c") == nil)
        #expect(kind { try c.kill("c", wipe: false) } == .notInCluster)
        try c.add(["c"])
        #expect(c.nodeNames == ["a", "b", "c"])
    }
}
