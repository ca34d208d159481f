import Testing
@testable import Cluster

/// Documented behaviours pinned: a failed write can give a view, before its outcome; equal
/// stamps go to the greater coordinator name.
@Suite struct ViewOrderAndTieTests {
    /// A write short of `write` acks fails, yet the replicas that stored it report it: the view
    /// reaches the client before the failure does.
    @Test(arguments: TestSeeds.list([1, 2, 3]))
    func aFailedWriteCanGiveAViewBeforeItsOutcome(seed: UInt64) throws {
        let c = try threeNodes(seed: seed) { $0.write = 3 }
        var events: [(Micros, String)] = []
        c.onEvent = { [unowned c] event in
            if case .delivery(let view) = event { events.append((c.now, "view \(view.fields)")) }
        }
        _ = try c.openStream("s", key: "k", fields: ["a"], initial: false)
        let owners = c.owners(of: "k")
        try c.isolate(owners[2])
        _ = try c.submit(.put(key: "k", fields: [FieldValue("a", "1")], via: owners[0])) { [unowned c] result in
            events.append((c.now, result.succeeded ? "ok" : "failed"))
        }
        c.advance(by: 3_000_000)
        #expect(events.map(\.1) == ["view \(fv(("a", "1")))", "failed"])
        if events.count == 2 { #expect(events[0].0 < events[1].0) }
    }

    /// Equal stamp times: the greater coordinator name in byte order wins, so n9 beats n10,
    /// whichever coordinator's write arrives first.
    @Test(arguments: [true, false])
    func equalStampsGoToTheGreaterCoordinatorName(n10First: Bool) throws {
        var settings = Settings()
        settings.replicas = 2
        settings.latencyMin = 5_000
        settings.latencyMax = 5_000
        let c = Cluster(seed: 1, settings: settings)
        try c.add(["n9", "n10"])
        let order = n10First ? [("n10", "ten"), ("n9", "nine")] : [("n9", "nine"), ("n10", "ten")]
        let ids = try order.map { via, value in try c.submit(.put(key: "k", fields: [FieldValue("a", value)], via: via)) }
        c.advance(by: 100_000)
        let versions = ids.map { c.version(of: $0) }
        #expect(versions[0]?.time == versions[1]?.time && versions[0]?.time != nil)
        #expect(c.waitConverged(limit: 60_000_000))
        #expect(c.replica("n9", "k") == fv(("a", "nine")) && c.replica("n10", "k") == fv(("a", "nine")))
    }
}
