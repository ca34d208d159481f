import Cluster

/// `puts`, `puts-scale`, `streams` and `memory`: the put path against the dictionary baseline.
enum PutWorkloads {
    static func puts(quick: Bool, nodes: Int? = nil, keys: Int? = nil) throws -> [BenchRecord] {
        let keys = keys ?? (quick ? 20_000 : 1_000_000)
        let nodes = nodes ?? (quick ? 20 : 100)
        return [try record(name: "puts", nodes: nodes, keys: keys, clients: 1_000)]
    }

    /// The sizes of `puts-scale`: 10, 100 and 1,000 nodes at 100k keys, then 10k, 100k and 1M
    /// keys at 100 nodes. The parent runs each in processes of its own (`scaleRuns`).
    static func scaleSizes(quick: Bool) -> [(nodes: Int, keys: Int)] {
        let nodeSizes = quick ? [10, 30] : [10, 100, 1_000]
        let keySizes = quick ? [2_000, 20_000] : [10_000, 100_000, 1_000_000]
        return nodeSizes.map { ($0, quick ? 5_000 : 100_000) } + keySizes.map { (quick ? 20 : 100, $0) }
    }

    /// Processes a size runs in: below a million keys a run takes a second or less, where one
    /// hiccup of this shared machine moves a ratio by more than the ±20% it is judged against.
    /// (Two with `--quick`, whose runs take milliseconds, so that it goes through the merge too.)
    static func scaleRuns(quick: Bool, keys: Int) -> Int { quick ? 2 : keys >= 1_000_000 ? 1 : 3 }

    /// One size of `puts-scale` (with `nodes` and `keys`), or every size in this process.
    static func scale(quick: Bool, nodes: Int? = nil, keys: Int? = nil) throws -> [BenchRecord] {
        let sizes = nodes != nil || keys != nil ? [(nodes ?? 100, keys ?? 100_000)] : scaleSizes(quick: quick)
        return try sizes.map { try record(name: "puts-scale", nodes: $0.0, keys: $0.1, clients: 1_000) }
    }

    /// Workload 1 with streams open. Its cost relative to `puts` (`slowdown_vs_puts`) is set by
    /// the parent from the `puts` record, measured in a process of its own like this one: run in
    /// one process, the second run pays for the heap the first left behind.
    static func streams(quick: Bool) throws -> [BenchRecord] {
        [try record(name: "streams", nodes: quick ? 20 : 100, keys: quick ? 20_000 : 1_000_000, clients: 1_000,
                    streams: quick ? 200 : 10_000)]
    }

    /// Sets `slowdown_vs_puts` on a streams record from the plain puts record of the same size.
    static func relate(streams: inout BenchRecord, to puts: BenchRecord) {
        if let a = puts.number("ns_per_op"), let b = streams.number("ns_per_op") {
            streams["slowdown_vs_puts"] = .double(b / a)
        }
    }

    /// Resident memory after workload 1, against the baseline's (run each in its own process).
    static func memory(quick: Bool) throws -> [BenchRecord] {
        let keys = quick ? 20_000 : 1_000_000
        let before = Measure.residentMB()
        let outcome = try PutDriver(nodes: quick ? 20 : 100, keys: keys, clients: 1_000).run()
        let ours = outcome.residentMB - before
        var r = BenchRecord(name: "memory", nodes: quick ? 20 : 100, keys: keys, ops: keys)
        r["peak_rss_mb"] = .double(Measure.peakResidentMB())
        r["resident_mb"] = .double(ours)
        r["verified"] = .int(outcome.verified ? 1 : 0)
        withExtendedLifetime(outcome.cluster) {}
        let baseBefore = Measure.residentMB()
        let base = DictionaryBaseline.run(keys: keys)
        let baseline = Measure.residentMB() - baseBefore
        withExtendedLifetime(base.replicas) {}
        r["baseline"] = .string("[String: [String: String]] x3")
        r["baseline_mb"] = .double(baseline)
        r["ratio"] = .double(ours > 0 ? baseline / ours : 0)
        return [r]
    }

    static func record(name: String, nodes: Int, keys: Int, clients: Int, streams: Int = 0) throws -> BenchRecord {
        let outcome = try PutDriver(nodes: nodes, keys: keys, clients: clients, streams: streams).run()
        let base = DictionaryBaseline.run(keys: keys)
        var r = BenchRecord(name: name, nodes: nodes, keys: keys, ops: outcome.completed)
        r["wall_s"] = .double(outcome.wallSeconds)
        r["ops_per_s"] = .double(Double(outcome.completed) / outcome.wallSeconds)
        r["events_per_s"] = .double(Double(outcome.events) / outcome.wallSeconds)
        r["peak_rss_mb"] = .double(Measure.peakResidentMB())
        r["baseline"] = .string("[String: [String: String]] x3")
        r["baseline_ops_per_s"] = .double(Double(keys) / base.seconds)
        r["ratio"] = .double(base.seconds / outcome.wallSeconds)
        r["ns_per_op"] = .double(outcome.wallSeconds * 1e9 / Double(max(outcome.completed, 1)))
        r["failed"] = .int(outcome.failed)
        r["converged"] = .int(outcome.converged ? 1 : 0)
        r["verified"] = .int(outcome.verified ? 1 : 0)
        if streams > 0 { r["streams"] = .int(streams) }
        return r
    }
}
