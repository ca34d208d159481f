import Testing
@testable import Cluster

/// `check` first lets every client operation in flight complete or time out, and judges it.
@Suite struct CheckInFlightTests {
    /// A put whose request has reached no node yet leaves the cluster converged: `check` still
    /// waits for its outcome and judges it.
    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func checkJudgesAWriteStillInFlight(seed: UInt64) throws {
        let c = try threeNodes(seed: seed) { $0.latencyMin = 50_000; $0.latencyMax = 50_000 }
        let id = try c.submit(.put(key: "k", fields: [FieldValue("a", "1")], via: nil))
        #expect(c.convergence().isConverged)
        let report = c.check(limit: 60_000_000)
        #expect(c.result(of: id)?.succeeded == true)
        #expect(report.passed, "\(report.violations)")
        #expect(report.writesChecked == 1)
        #expect(c.sim.client.ops.oldestInFlight() == nil)
    }

    /// The wait for operations does not count against the limit: a check with no time to
    /// converge still lets them finish.
    @Test func operationsFinishEvenWithNoTimeToConverge() throws {
        let c = try threeNodes { $0.latencyMin = 50_000; $0.latencyMax = 50_000 }
        let id = try c.submit(.put(key: "k", fields: [FieldValue("a", "1")], via: nil))
        let report = c.check(limit: 0)
        #expect(c.result(of: id)?.succeeded == true)
        #expect(report.writesChecked == 1)
    }

    /// A write acknowledged while `check` lets it finish, whose only replica is wiped meanwhile,
    /// is reported lost.
    @Test func aWriteAcknowledgedInTheWaitAndThenWipedIsLost() throws {
        let c = try threeNodes { s in
            s.replicas = 1; s.read = 1; s.write = 1
            s.latencyMin = 50_000; s.latencyMax = 50_000
        }
        let owner = c.owners(of: "k")[0]
        let id = try c.submit(.put(key: "k", fields: [FieldValue("a", "1")], via: nil))
        try c.schedule(at: 75_000) { try? c.kill(owner, wipe: true) }
        try c.schedule(at: 80_000) { try? c.restart(owner) }
        let report = c.check(limit: 60_000_000)
        #expect(c.result(of: id)?.succeeded == true)
        #expect(report.violations.count == 1)
        #expect(report.violations.first?.hasPrefix("lost: key k field a: put k a=1") == true)
        #expect(report.violations.first?.hasSuffix("\(owner)'s wiped disk held it") == true)
    }
}
