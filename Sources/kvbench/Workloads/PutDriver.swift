import Cluster

/// Drives puts through the Cluster API's non-blocking `submit`, `clients` in flight: each client
/// sends its next put when its last completes. Then verifies a sample through quorum reads.
struct PutDriver {
    var nodes: Int
    var keys: Int
    var clients: Int
    /// Streams opened (on written keys) before the puts start.
    var streams = 0

    struct Outcome {
        var wallSeconds: Double
        /// Events the simulation ran while the puts were timed.
        var events: Int
        var completed: Int
        var failed: Int
        /// Resident and peak resident memory straight after the puts, before the checks below ran
        /// (the convergence check holds every key's copies at once).
        var residentMB: Double
        var peakMB: Double
        /// Every put succeeded, a sample read back through a quorum as written, and the replicas
        /// converged (`Cluster.waitConverged`).
        var verified: Bool
        var converged: Bool
        var cluster: Cluster
    }

    static func keyName(_ i: Int) -> String { word("k", i) }
    static func fields(_ i: Int) -> [FieldValue] {
        [FieldValue("a", word("a", i % 1000)), FieldValue("b", word("b", i % 997)), FieldValue("c", word("c", i % 991))]
    }

    /// `prefix` and the decimal digits of `n` (≥ 0): "k42". Written byte by byte into a small
    /// string, because string interpolation cost about a tenth of the instructions of a
    /// simulated put (the baseline's too, which builds the same strings).
    static func word(_ prefix: Unicode.Scalar, _ n: Int) -> String {
        String(unsafeUninitializedCapacity: 15) { bytes in
            var digits = 1, rest = n / 10
            while rest > 0 { digits += 1; rest /= 10 }
            bytes[0] = UInt8(ascii: prefix)
            var v = n
            for i in stride(from: digits, through: 1, by: -1) {
                bytes[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
            }
            return digits + 1
        }
    }

    /// Puts keys 0..<keys, `clients` in flight, and runs until all complete: (completed, failed).
    /// Not inlined, so that a profiler can collect this function alone (`--toggle-collect`).
    @inline(never)
    static func load(_ cluster: Cluster, keys: Int, clients: Int) -> (completed: Int, failed: Int) {
        let load = Load(cluster: cluster, keys: keys)
        for _ in 0..<min(clients, keys) { load.issue() }
        while load.completed < keys { cluster.advance(by: 100_000) }
        return (load.completed, load.failed)
    }

    /// The counters the completions share. A class whose properties skip the run-time exclusivity
    /// checks: captured local variables would be checked on every put (about 1% of its instructions).
    private final class Load {
        let cluster: Cluster
        let keys: Int
        @exclusivity(unchecked) var next = 0
        @exclusivity(unchecked) var completed = 0
        @exclusivity(unchecked) var failed = 0
        /// One completion for every put: a closure literal per submit would allocate its context.
        private var done: ((ClientResult) -> Void)?

        init(cluster: Cluster, keys: Int) {
            self.cluster = cluster
            self.keys = keys
            done = { [unowned self] result in
                self.completed += 1
                if !result.succeeded { self.failed += 1 }
                self.issue()
            }
        }

        func issue() {
            guard next < keys else { return }
            let i = next
            next += 1
            _ = try? cluster.submit(.put(key: keyName(i), fields: fields(i), via: nil), completion: done)
        }
    }

    func run() throws -> Outcome {
        let cluster = Cluster(seed: 1)
        cluster.recordsHistory = false  // a million puts need no history: memory holds only those in flight
        try cluster.add((1...nodes).map { "n\($0)" })
        cluster.advance(by: 2_000_000)
        for s in 0..<streams {
            let key = Self.keyName(s * max(1, keys / max(streams, 1)))
            _ = try cluster.openStream("s\(s)", key: key, fields: ["a", "b"], initial: false)
        }
        var completed = 0, failed = 0
        let eventsBefore = cluster.eventsRun
        let wall = Measure.seconds {
            (completed, failed) = Self.load(cluster, keys: keys, clients: clients)
        }
        let events = cluster.eventsRun - eventsBefore
        let resident = Measure.residentMB(), peak = Measure.peakResidentMB()
        let readBack = try Self.readsBack(cluster, keys: keys)
        let converged = cluster.waitConverged(limit: 60_000_000)
        return Outcome(wallSeconds: wall, events: events, completed: completed, failed: failed, residentMB: resident, peakMB: peak,
                       verified: failed == 0 && readBack && converged, converged: converged, cluster: cluster)
    }

    /// Whether a hundred keys spread over 0..<keys read back through a quorum as the driver put them.
    static func readsBack(_ cluster: Cluster, keys: Int) throws -> Bool {
        for i in stride(from: 0, to: keys, by: max(1, keys / 100)) {
            let result = try cluster.perform(.get(key: keyName(i), fields: [], via: nil))
            guard case .read(let fields?, _, _) = result, fields == Self.fields(i) else { return false }
        }
        return true
    }
}

/// The baseline: the same field writes into plain nested dictionaries, one per replica, no simulation.
enum DictionaryBaseline {
    static let description = "[String: [String: String]] x3"

    /// The record of `ops` puts to `keys` keys that took `wall` seconds, beside the baseline run
    /// now on the same keys. `peakMB` is read by the caller before the baseline (and any check)
    /// runs, so that it is the workload's own.
    static func record(name: String, nodes: Int, keys: Int, ops: Int, wall: Double, peakMB: Double) -> BenchRecord {
        let base = run(keys: keys)
        var r = BenchRecord(name: name, nodes: nodes, keys: keys, ops: ops)
        r["wall_s"] = .double(wall)
        r["ops_per_s"] = .double(Double(ops) / wall)
        r["peak_rss_mb"] = .double(peakMB)
        r["baseline"] = .string(description)
        r["baseline_ops_per_s"] = .double(Double(keys) / base.seconds)
        r["ratio"] = .double(base.seconds / wall)
        r["ns_per_op"] = .double(wall * 1e9 / Double(max(ops, 1)))
        return r
    }

    static func run(keys: Int) -> (seconds: Double, replicas: [[String: [String: String]]]) {
        var replicas = [[String: [String: String]]](repeating: [:], count: 3)
        let seconds = Measure.seconds {
            for i in 0..<keys {
                let key = PutDriver.keyName(i)
                for field in PutDriver.fields(i) {
                    for r in 0..<3 { replicas[r][key, default: [:]][field.field] = field.value }
                }
            }
        }
        return (seconds, replicas)
    }
}
