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
        var verified: Bool
        var cluster: Cluster
    }

    static func keyName(_ i: Int) -> String { "k\(i)" }
    static func fields(_ i: Int) -> [FieldValue] {
        [FieldValue("a", "a\(i % 1000)"), FieldValue("b", "b\(i % 997)"), FieldValue("c", "c\(i % 991)")]
    }

    /// Puts keys 0..<keys, `clients` in flight, and runs until all complete: (completed, failed).
    /// Not inlined, so that a profiler can collect this function alone (`--toggle-collect`).
    @inline(never)
    static func load(_ cluster: Cluster, keys: Int, clients: Int) -> (completed: Int, failed: Int) {
        var next = 0, completed = 0, failed = 0
        var issue: () -> Void = {}
        issue = {
            guard next < keys else { return }
            let i = next
            next += 1
            _ = try? cluster.submit(.put(key: keyName(i), fields: fields(i), via: nil)) { result in
                completed += 1
                if !result.succeeded { failed += 1 }
                issue()
            }
        }
        for _ in 0..<min(clients, keys) { issue() }
        while completed < keys { cluster.advance(by: 100_000) }
        return (completed, failed)
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
        var verified = failed == 0
        let step = max(1, keys / 100)
        for i in stride(from: 0, to: keys, by: step) {
            let result = try cluster.perform(.get(key: Self.keyName(i), fields: [], via: nil))
            guard case .read(let fields?, _, _) = result, fields == Self.fields(i) else {
                verified = false
                break
            }
        }
        return Outcome(wallSeconds: wall, events: events, completed: completed,
                       failed: failed, verified: verified, cluster: cluster)
    }
}

/// The baseline: the same field writes into plain nested dictionaries, one per replica, no simulation.
enum DictionaryBaseline {
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
