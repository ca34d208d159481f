import Cluster
import Testing

/// What a property test draws: a cluster shape, a list of steps and the simulation's seed.
///
/// Its `testDescription` is Swift source, so the counterexample that swift-property-based prints
/// for a failing property (after shrinking) can be pasted as it is into a regression test:
/// `try ScenarioRun.faulty(Scenario(seed: …, shape: …, steps: […]))`.
struct Scenario: Sendable, Hashable, CustomTestStringConvertible {
    var seed: UInt64
    var shape: ClusterShape
    var steps: [Step]

    var testDescription: String {
        let list = steps.map { "    \($0.source),\n" }.joined()
        return "Scenario(seed: \(seed), shape: \(shape.source), steps: [\n\(list)])"
    }

    /// A cluster of this shape and seed, nodes added.
    func makeCluster() throws -> Cluster {
        let cluster = Cluster(seed: seed)
        try cluster.configure(shape.settings)
        try cluster.add(shape.nodeNames)
        return cluster
    }

    /// The scenario's number of a delivered view's stream (stream `sN` is number N).
    static func streamNumber(of view: StreamView) -> Int? { Int(view.stream.dropFirst()) }
}

/// The cluster a scenario runs on: nodes n1…nN added at once, then these settings.
struct ClusterShape: Sendable, Hashable {
    var nodes: Int
    var replicas: Int
    var read: Int
    var write: Int
    /// Message loss in millionths (0…50_000, 0 to 5%).
    var lossPPM: Int
    /// One-way latency range, in milliseconds.
    var latencyMs: ClosedRange<Int>
    /// Faster failure detection, re-replication and anti-entropy (suspect 2s, rehash 3s,
    /// anti-entropy 2s), so that more of them happen within a short scenario.
    var fastTimers: Bool

    var settings: Settings {
        var s = Settings()
        s.replicas = replicas
        s.read = read
        s.write = write
        s.lossPPM = lossPPM
        s.latencyMin = Micros(latencyMs.lowerBound) * 1000
        s.latencyMax = Micros(latencyMs.upperBound) * 1000
        if fastTimers {
            s.suspect = 2_000_000
            s.rehash = 3_000_000
            s.antientropy = 2_000_000
        }
        return s
    }

    var nodeNames: [String] { (1...nodes).map { "n\($0)" } }

    var source: String {
        "ClusterShape(nodes: \(nodes), replicas: \(replicas), read: \(read), write: \(write), "
            + "lossPPM: \(lossPPM), latencyMs: \(latencyMs.lowerBound)...\(latencyMs.upperBound), fastTimers: \(fastTimers))"
    }
}

/// One step of a scenario. Keys are k1…k4 (`key: 2` is k2), fields f1…f3, nodes n1…n7, streams
/// s1…s3. A step that cannot apply in the state it meets (restart of a running node, close of a
/// stream that is not open, a node not in the cluster, …) is skipped, so every list of steps is
/// a valid scenario and the shrinker may drop or change any of them.
enum Step: Sendable, Hashable {
    /// Values are drawn from a small alphabet, so that writes of an unchanged value happen too.
    static let alphabet = ["a", "b", "c"]

    case put(key: Int, fields: [Int: String])
    case deleteFields(key: Int, fields: [Int])
    case deleteObject(key: Int)
    case get(key: Int)
    case open(stream: Int, key: Int, fields: [Int], initial: Bool)
    case close(stream: Int)
    case disconnect(stream: Int)
    case reconnect(stream: Int)
    case kill(node: Int)
    case restart(node: Int)
    case pause(node: Int)
    case resume(node: Int)
    /// These nodes against all the others.
    case partition([Int])
    case isolate(node: Int)
    case heal
    case advance(ms: Int)
    /// A graceful `remove`, run to its end.
    case leave(node: Int)
    /// A node that left is added again under its name.
    case rejoin(node: Int)
    /// Node `node` (one that left, or one numbered above the shape's nodes) is added, and the
    /// member it joins through (the first running one) at once dies, leaves or is cut off.
    case join(node: Int, contact: ContactFate)
    /// Every owner of the key loses its disk (`kill … wipe`, killed ones restarted first) and
    /// restarts: the key's data and stream registrations are gone from its replicas.
    case wipeOwners(key: Int)

    var isFault: Bool {
        switch self {
        case .kill, .restart, .pause, .resume, .partition, .isolate, .heal, .leave, .rejoin, .join, .wipeOwners: true
        default: false
        }
    }

    /// The node numbers the step names.
    var nodes: [Int] {
        switch self {
        case .kill(let n), .restart(let n), .pause(let n), .resume(let n), .isolate(let n), .leave(let n), .rejoin(let n),
             .join(let n, _):
            return [n]
        case .partition(let group):
            return group
        default:
            return []
        }
    }

    /// The step with node `from` named `to` instead.
    func renaming(node from: Int, to: Int) -> Step {
        func r(_ n: Int) -> Int { n == from ? to : n }
        switch self {
        case .kill(let n): return .kill(node: r(n))
        case .restart(let n): return .restart(node: r(n))
        case .pause(let n): return .pause(node: r(n))
        case .resume(let n): return .resume(node: r(n))
        case .isolate(let n): return .isolate(node: r(n))
        case .leave(let n): return .leave(node: r(n))
        case .rejoin(let n): return .rejoin(node: r(n))
        case .join(let n, let fate): return .join(node: r(n), contact: fate)
        case .partition(let group): return .partition(Array(Set(group.map(r))).sorted())
        default: return self
        }
    }

    /// The step without node `node`: nil when nothing is left of it.
    func dropping(node: Int) -> Step? {
        if case .partition(let group) = self {
            let rest = group.filter { $0 != node }
            return rest.isEmpty ? nil : .partition(rest)
        }
        return nodes.contains(node) ? nil : self
    }

    /// Strictly simpler variants, simplest first (the shrinker tries them in order): fewer fields,
    /// the first value of the alphabet, no `initial`, shorter advances, smaller partition groups.
    var simplifications: [Step] {
        switch self {
        case .put(let key, let fields):
            var result: [Step] = []
            if fields.count > 1 {
                result += fields.keys.sorted().map { .put(key: key, fields: [$0: fields[$0]!]) }
            }
            for f in fields.keys.sorted() where fields[f] != Step.alphabet[0] {
                var simpler = fields
                simpler[f] = Step.alphabet[0]
                result.append(.put(key: key, fields: simpler))
            }
            return result
        case .deleteFields(let key, let fields) where fields.count > 1:
            return fields.map { .deleteFields(key: key, fields: [$0]) }
        case .open(let stream, let key, let fields, let initial):
            var result: [Step] = []
            if fields.count > 1 { result += fields.map { .open(stream: stream, key: key, fields: [$0], initial: initial) } }
            if initial { result.append(.open(stream: stream, key: key, fields: fields, initial: false)) }
            return result
        case .advance(let ms) where ms > 0:
            return ms > 1 ? [.advance(ms: 0), .advance(ms: ms / 2)] : [.advance(ms: 0)]
        case .partition(let group) where group.count > 1:
            return group.indices.map { i in .partition(group.enumerated().filter { $0.offset != i }.map(\.element)) }
        default:
            return []
        }
    }

    /// The step as Swift source (part of `Scenario.testDescription`).
    var source: String {
        func list(_ xs: [Int]) -> String { "[" + xs.map(String.init).joined(separator: ", ") + "]" }
        switch self {
        case .put(let key, let fields):
            let pairs = fields.keys.sorted().map { "\($0): \"\(fields[$0]!)\"" }.joined(separator: ", ")
            return ".put(key: \(key), fields: [\(pairs)])"
        case .deleteFields(let key, let fields): return ".deleteFields(key: \(key), fields: \(list(fields)))"
        case .deleteObject(let key): return ".deleteObject(key: \(key))"
        case .get(let key): return ".get(key: \(key))"
        case .open(let stream, let key, let fields, let initial):
            return ".open(stream: \(stream), key: \(key), fields: \(list(fields)), initial: \(initial))"
        case .close(let s): return ".close(stream: \(s))"
        case .disconnect(let s): return ".disconnect(stream: \(s))"
        case .reconnect(let s): return ".reconnect(stream: \(s))"
        case .kill(let n): return ".kill(node: \(n))"
        case .restart(let n): return ".restart(node: \(n))"
        case .pause(let n): return ".pause(node: \(n))"
        case .resume(let n): return ".resume(node: \(n))"
        case .partition(let group): return ".partition(\(list(group)))"
        case .isolate(let n): return ".isolate(node: \(n))"
        case .heal: return ".heal"
        case .advance(let ms): return ".advance(ms: \(ms))"
        case .leave(let n): return ".leave(node: \(n))"
        case .rejoin(let n): return ".rejoin(node: \(n))"
        case .join(let n, let fate): return ".join(node: \(n), contact: .\(fate))"
        case .wipeOwners(let key): return ".wipeOwners(key: \(key))"
        }
    }
}

/// What happens to a join's contact right after the join (`Step.join`).
enum ContactFate: String, Sendable, Hashable, CaseIterable {
    /// Killed (its disk kept).
    case dies
    /// Removed gracefully, run to the end of its leave.
    case leaves
    /// Isolated from every other node.
    case isCutOff
}
