import Cluster

/// `gossip` and `join`: membership and placement at scale.
enum ClusterWorkloads {
    /// Messages sent so far, from `show stats`.
    static func messagesSent(_ cluster: Cluster) -> Int {
        cluster.showStats().rows.first { $0.first == "messages (all)" }.flatMap { Int($0[1]) } ?? 0
    }

    static func gossip(quick: Bool) throws -> [BenchRecord] {
        let nodes = quick ? 100 : 1_000
        let cluster = Cluster(seed: 1)
        var wall = 0.0
        wall += try Measure.seconds { try cluster.add((1...nodes).map { "n\($0)" }) }
        wall += Measure.seconds { cluster.advance(by: 60_000_000) }
        let events = cluster.eventsRun
        let messages = messagesSent(cluster)
        var r = BenchRecord(name: "gossip", nodes: nodes, keys: 0, ops: messages)
        r["wall_s"] = .double(wall)
        r["ops_per_s"] = .double(Double(messages) / wall)
        r["events_per_s"] = .double(Double(events) / wall)
        r["peak_rss_mb"] = .double(Measure.peakResidentMB())
        r["virtual_s"] = .int(60)
        r["messages"] = .int(messages)
        // Every node knows every other and holds it up (with no keys, that is all *converged* asks).
        r["verified"] = .int(messages > 0 && cluster.convergence().isConverged ? 1 : 0)
        return [r]
    }

    /// One node joining 100 nodes that hold the keys: copies moved against the ideal 1/(n+1).
    static func join(quick: Bool) throws -> [BenchRecord] {
        try [256, 8].map { vnodes in try join(vnodes: vnodes, nodes: quick ? 30 : 100, keys: quick ? 5_000 : 1_000_000) }
    }

    static func join(vnodes: Int, nodes: Int, keys: Int) throws -> BenchRecord {
        var settings = Settings()
        settings.vnodes = vnodes
        let cluster = Cluster(seed: 1, settings: settings)
        try cluster.add((1...nodes).map { "n\($0)" })
        _ = PutDriver.load(cluster, keys: keys, clients: 1_000)
        _ = cluster.waitConverged(limit: 600_000_000)

        let before = (0..<keys).map { Set(cluster.owners(of: PutDriver.keyName($0))) }
        let newcomer = "n\(nodes + 1)"
        var converged = false
        let eventsBefore = cluster.eventsRun
        let wall = try Measure.seconds {
            try cluster.add([newcomer])
            converged = cluster.waitConverged(limit: 600_000_000)
        }
        let events = cluster.eventsRun - eventsBefore
        var moved = 0, oldMoves = 0
        for i in 0..<keys {
            let after = Set(cluster.owners(of: PutDriver.keyName(i)))
            for owner in after.subtracting(before[i]) {
                moved += 1
                if owner != newcomer { oldMoves += 1 }
            }
        }
        let copies = keys * settings.replicas
        var r = BenchRecord(name: "join", nodes: nodes, keys: keys, ops: copies)
        r["wall_s"] = .double(wall)
        r["ops_per_s"] = .null
        r["events_per_s"] = .double(Double(events) / wall)
        r["peak_rss_mb"] = .double(Measure.peakResidentMB())
        r["vnodes"] = .int(vnodes)
        r["moved_fraction"] = .double(Double(moved) / Double(copies))
        r["ideal_fraction"] = .double(1 / Double(nodes + 1))
        r["old_moves"] = .int(oldMoves)
        r["converged"] = .int(converged ? 1 : 0)
        let readBack = try PutDriver.readsBack(cluster, keys: keys)
        r["verified"] = .int(converged && readBack ? 1 : 0)
        return r
    }
}
