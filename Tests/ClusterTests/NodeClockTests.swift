import Testing
@testable import Cluster

/// Each node reads time from its own clock (`NodeClock`), and a coordinator stamps writes by it.
/// Today every clock reads virtual time; an offset set by hand shows the seam works. A clock
/// running ahead stamps its writes ahead; a coordinator that has seen such a stamp (as a replica
/// of the key) stamps above it, as a hybrid logical clock must, so the later write still wins.
@Suite struct NodeClockTests {
    @Test func stampsComeFromTheCoordinatorsClock() throws {
        let c = Cluster(seed: 3)
        try c.add(["n1", "n2", "n3"])
        c.sim.nodes[0].clock.offset = 5_000_000
        let first = try c.submit(.put(key: "k", fields: [FieldValue("a", "early")], via: "n1"))
        c.advance(by: 1_000_000)
        let second = try c.submit(.put(key: "k", fields: [FieldValue("a", "late")], via: "n2"))
        c.advance(by: 1_000_000)
        let v1 = try #require(c.version(of: first)), v2 = try #require(c.version(of: second))
        #expect(v1.coordinator == "n1" && v1.time >= 5_000_000)
        #expect(v2.coordinator == "n2" && v2 > v1 && c.now < 5_000_000)
        #expect(c.waitConverged(limit: 60_000_000))
        #expect(try c.perform(.get(key: "k", fields: [], via: nil)).readFields == [FieldValue("a", "late")])
    }

    @Test func clocksReadVirtualTimeByDefault() throws {
        let c = Cluster(seed: 3)
        try c.add(["n1", "n2", "n3"])
        c.advance(by: 1_234_567)
        #expect(c.sim.nodes.allSatisfy { c.sim.context($0).now == c.now })
    }
}
