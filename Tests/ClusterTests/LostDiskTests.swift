import Testing
@testable import Cluster

/// Guarantee 3 sets aside keys that lost a write with a disk (wiped, or dropped with its node),
/// and only those; `check` reports the acknowledged ones as `lost`.
@Suite struct LostDiskTests {
    /// With one replica, a wipe loses the only copy: `check` reports the write as lost and sets
    /// the stream that showed it aside from guarantee 3.
    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func aStreamOnAKeyLostWithAWipedDiskIsSetAside(seed: UInt64) throws {
        let c = try threeNodes(seed: seed) { s in s.replicas = 1; s.read = 1; s.write = 1 }
        let recorder = Recorder()
        recorder.attach(c)
        _ = try c.openStream("s", key: "k", fields: ["a"], initial: false)
        #expect(try c.put("k", [("a", "1")]).succeeded)
        try c.settleStream("s")
        #expect(recorder.take("s") == [fv(("a", "1"))])
        let owner = c.owners(of: "k")[0]
        try c.kill(owner, wipe: true)
        try c.restart(owner)
        let report = c.check(limit: 60_000_000)
        #expect(report.converged)
        #expect(report.violations.count == 1, "\(report.violations)")
        #expect(report.violations.allSatisfy { $0.hasPrefix("lost: key k field a") }, "\(report.violations)")
    }

    /// The same with the node dropped by `remove` (of a killed node) instead of wiped.
    @Test func aStreamOnAKeyLostWithADroppedNodeIsSetAside() throws {
        let c = try threeNodes { s in s.replicas = 1; s.read = 1; s.write = 1 }
        _ = try c.openStream("s", key: "k", fields: ["a"], initial: false)
        #expect(try c.put("k", [("a", "1")]).succeeded)
        try c.settleStream("s")
        let owner = c.owners(of: "k")[0]
        try c.kill(owner, wipe: false)
        #expect(try c.remove(owner) == .dropped)
        let report = c.check(limit: 60_000_000)
        #expect(report.violations.count == 1, "\(report.violations)")
        #expect(report.violations.first?.contains("\(owner)'s disk (dropped from the cluster) held it") == true)
    }

    /// A wipe that loses nothing (two other replicas hold the key) sets nothing aside: a stream
    /// whose last view differs from the converged value is still caught. The difference is
    /// planted in the stream's log, as a client that showed a wrong view would leave it.
    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func aWipeThatLosesNothingSetsNothingAside(seed: UInt64) throws {
        let c = try threeNodes(seed: seed)
        _ = try c.openStream("s", key: "k", fields: ["a"], initial: false)
        #expect(try c.put("k", [("a", "1")]).succeeded)
        try c.settleStream("s")
        let owner = c.owners(of: "k")[0]
        try c.kill(owner, wipe: true)
        try c.restart(owner)
        let clean = c.check(limit: 60_000_000)
        #expect(clean.passed, "\(clean.violations)")
        #expect(!c.sim.lostDisks.isEmpty)
        plantWrongLastView(c, stream: "s", value: "2")
        let planted = c.check(limit: 60_000_000)
        #expect(planted.violations == ["stream s: last view #1 is a=2 but key k converged to a=1"])
    }

    /// A lost disk sets aside only the keys whose data it took: a planted difference on another
    /// key is still caught.
    @Test func aLostDiskSetsAsideOnlyTheKeysItLost() throws {
        let c = try threeNodes { s in s.replicas = 1; s.read = 1; s.write = 1 }
        let owner = c.owners(of: "k")[0]
        let other = (1...50).map { "x\($0)" }.first { c.owners(of: $0)[0] != owner }!
        _ = try c.openStream("s", key: other, fields: ["a"], initial: false)
        #expect(try c.put(other, [("a", "1")]).succeeded)
        #expect(try c.put("k", [("a", "1")]).succeeded)
        try c.settleStream("s")
        try c.kill(owner, wipe: true)
        try c.restart(owner)
        plantWrongLastView(c, stream: "s", value: "2")
        let report = c.check(limit: 60_000_000)
        #expect(report.violations.contains("stream s: last view #1 is a=2 but key \(other) converged to a=1"),
                "\(report.violations)")
    }

    /// Changes the value of the stream's last delivered view in `check`'s log.
    private func plantWrongLastView(_ c: Cluster, stream: String, value: String) {
        guard let i = c.sim.streamLogs.lastIndex(where: { $0.name == stream }) else {
            Issue.record("no log for \(stream)")
            return
        }
        let id = ValueID(c.sim.values.intern(value))
        let last = c.sim.streamLogs[i].deliveries.count - 1
        c.sim.streamLogs[i].deliveries[last].values = c.sim.streamLogs[i].deliveries[last].values.map { $0.map { _ in id } }
    }
}
