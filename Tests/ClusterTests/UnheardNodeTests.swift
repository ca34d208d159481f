import Testing
@testable import Cluster

/// Convergence clause 1: running nodes hold down the killed or paused nodes some running node
/// has heard of, and only those.
@Suite struct UnheardNodeTests {
    /// A node killed or paused before its join reached anyone is in no running node's view, and
    /// need not be: the cluster converges (once `rehash` has taken it off preference lists).
    @Test(arguments: [true, false])
    func aNodeStoppedBeforeAnyoneHeardOfItDoesNotBlockConvergence(killed: Bool) throws {
        let c = try threeNodes()
        var lossy = c.settings
        lossy.lossPPM = 1_000_000
        try c.configure(lossy)
        try c.add(["n4"])
        if killed { try c.kill("n4", wipe: false) } else { try c.pause("n4") }
        lossy.lossPPM = 0
        try c.configure(lossy)
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        #expect(try !c.hasHeard("n1", of: "n4") && !c.sees("n1", "n4"))
    }

    /// One that a running node has heard of must be held down by every running node.
    @Test func aStoppedNodeSomeoneHeardOfMustBeHeldDownEverywhere() throws {
        let c = try threeNodes()
        try c.add(["n4"])
        c.advance(by: 100_000)
        try c.kill("n4", wipe: false)
        #expect(c.convergence().unmet.contains("n1 holds n4 up"))
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        #expect(try c.hasHeard("n1", of: "n4") && !c.sees("n1", "n4"))
    }
}
