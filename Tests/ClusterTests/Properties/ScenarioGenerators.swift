import PropertyBased

/// swift-property-based generators of scenarios.
///
/// A scenario is drawn in order: its shape, its seed, then its steps, whose node numbers lie in
/// 1…nodes of that shape (so steps depend on the shape, which `zip` cannot express: the scenario
/// generator is built from the library's combinators for drawing, with its own shrinker).
///
/// Shrinking (`Shrinking.scenario`), simplest candidates first: runs of steps removed (halves,
/// then quarters, … single steps), steps simplified (`Step.simplifications`), then the shape
/// (the highest node dropped with the steps naming it, or a node's steps renamed to a lower
/// node; replicas, read and write lowered; loss to none; latency to 1ms; default timers). The
/// simulation's seed is not shrunk: another seed is another run, not a smaller one.
enum ScenarioGen {
    /// Scenarios with faults: client operations, streams and faults interleaved, on any shape.
    static func faulty(maxSteps: Int) -> Generator<Scenario, AnySequence<Scenario>> {
        scenario(shape: shape, count: 1...maxSteps) { faultyStep(nodes: $0, keys: 4, streamWeight: 1) }
    }

    /// As `faulty`, with three times as many stream commands, on two keys (k1, k2): more views,
    /// more of them racing with faults.
    static func faultyStreams(maxSteps: Int) -> Generator<Scenario, AnySequence<Scenario>> {
        scenario(shape: shape, count: 1...maxSteps) { faultyStep(nodes: $0, keys: 2, streamWeight: 3) }
    }

    /// Fault-free scenarios: no loss, no fault steps (client operations, streams and advances).
    static func faultFree(maxSteps: Int) -> Generator<Scenario, AnySequence<Scenario>> {
        scenario(shape: faultFreeShape, count: 1...maxSteps) { _ in faultFreeStep }
    }

    /// For the shrinking test: up to 20 steps, with kills, restarts and puts common among the
    /// others, so that "an acknowledged put of f2 after a restart" is common.
    static var plantedFailure: Generator<Scenario, AnySequence<Scenario>> {
        scenario(shape: shape, count: 1...20) { nodes in
            let node = Gen.int(in: 1...nodes)
            return Gen<Step>.frequency(
                (4, put(keys: 4)),
                (2, node.map { Step.kill(node: $0) }),
                (2, node.map { Step.restart(node: $0) }),
                (1, node.map { Step.pause(node: $0) }),
                (1, node.map { Step.resume(node: $0) }),
                (1, Gen.int(in: 1...4).map { Step.get(key: $0) }),
                (1, open(keys: 4)),
                (1, partition(nodes: nodes)),
                (2, advance)
            )
        }
    }

    /// A shape, a seed, then `count` steps drawn from `step(nodes)`.
    static func scenario(shape: Generator<ClusterShape, some Sequence & SendableMetatype>, count: ClosedRange<Int>,
                         step: @escaping @Sendable (Int) -> Generator<Step, some Sequence & SendableMetatype>)
        -> Generator<Scenario, AnySequence<Scenario>> {
        Generator(
            run: { rng in
                let drawnShape = shape.run(using: &rng)
                let seed = Gen.uint64(in: 1...1_000_000_000).run(using: &rng)
                let stepGen = step(drawnShape.nodes)
                let n = Int.random(in: count, using: &rng)
                return Scenario(seed: seed, shape: drawnShape, steps: (0..<n).map { _ in stepGen.run(using: &rng) })
            },
            shrink: { AnySequence(Shrinking.scenario($0, minimumSteps: count.lowerBound)) }
        )
    }

    // MARK: Shapes

    /// 3–7 nodes, 1–3 replicas with read and write quorums from 1 to replicas, loss 0–5% (0 a
    /// third of the time), latency from 1–5ms up to 30ms, default or fast timers.
    static let shape = zip(
        Gen.int(in: 3...7), Gen.int(in: 1...3), Gen.int(in: 1...3), Gen.int(in: 1...3),
        Gen.int(in: -25_000...50_000), Gen.int(in: 1...5), Gen.int(in: 0...25), Gen.bool(0.3)
    ).map { nodes, replicas, read, write, loss, latency, spread, fast in
        ClusterShape(nodes: nodes, replicas: replicas, read: min(read, replicas), write: min(write, replicas),
                     lossPPM: max(0, loss), latencyMs: latency...(latency + spread), fastTimers: fast)
    }

    /// As `shape`, without loss and with default timers.
    static let faultFreeShape = zip(
        Gen.int(in: 3...7), Gen.int(in: 1...3), Gen.int(in: 1...3), Gen.int(in: 1...3),
        Gen.int(in: 1...5), Gen.int(in: 0...25)
    ).map { nodes, replicas, read, write, latency, spread in
        ClusterShape(nodes: nodes, replicas: replicas, read: min(read, replicas), write: min(write, replicas),
                     lossPPM: 0, latencyMs: latency...(latency + spread), fastTimers: false)
    }

    // MARK: Steps

    static let stream = Gen.int(in: 1...3)
    /// A non-empty subset of f1…f3, as field numbers.
    static let fieldSet = Gen.int(in: 1...7).map { mask in (1...3).filter { mask & (1 << ($0 - 1)) != 0 } }
    static let value = Gen.int(in: 0...(Step.alphabet.count - 1)).map { Step.alphabet[$0] }

    /// A put of 1–3 fields to one of k1…k`keys`.
    static func put(keys: Int) -> Generator<Step, some Sequence & SendableMetatype> {
        zip(Gen.int(in: 1...keys), fieldSet, value.array(of: 3)).map { key, fields, values in
            Step.put(key: key, fields: Dictionary(uniqueKeysWithValues: fields.map { ($0, values[$0 - 1]) }))
        }
    }

    static func open(keys: Int) -> Generator<Step, some Sequence & SendableMetatype> {
        zip(stream, Gen.int(in: 1...keys), fieldSet, Gen.bool).map { Step.open(stream: $0, key: $1, fields: $2, initial: $3) }
    }

    /// Mostly short (up to 1.5s), sometimes long enough for suspicion and re-replication (up to 15s).
    static let advance = Gen<Step>.frequency(
        (4, Gen.int(in: 0...1_500).map { Step.advance(ms: $0) }),
        (1, Gen.int(in: 1_500...15_000).map { Step.advance(ms: $0) })
    )

    /// A group of 1–3 of the nodes cut off from the rest.
    static func partition(nodes: Int) -> Generator<Step, some Sequence & SendableMetatype> {
        Gen.int(in: 1...nodes).array(of: 1...3).map { Step.partition(Array(Set($0)).sorted()) }
    }

    /// Client operations and stream commands on keys k1…k`keys`, with faults on n1…n`nodes`
    /// between them (restarts and resumes drawn more often than kills and pauses, so that nodes
    /// keep coming back); `streamWeight` scales how often stream commands are drawn.
    static func faultyStep(nodes: Int, keys: Int, streamWeight: Double) -> Generator<Step, some Sequence & SendableMetatype> {
        let key = Gen.int(in: 1...keys)
        let node = Gen.int(in: 1...nodes)
        return Gen<Step>.frequency(
            (30, put(keys: keys)),
            (5, zip(key, fieldSet).map { Step.deleteFields(key: $0, fields: $1) }),
            (2, key.map { Step.deleteObject(key: $0) }),
            (4, key.map { Step.get(key: $0) }),
            (6 * streamWeight, open(keys: keys)),
            (2 * streamWeight, stream.map { Step.close(stream: $0) }),
            (3 * streamWeight, stream.map { Step.disconnect(stream: $0) }),
            (3 * streamWeight, stream.map { Step.reconnect(stream: $0) }),
            (4, node.map { Step.kill(node: $0) }),
            (6, node.map { Step.restart(node: $0) }),
            (3, node.map { Step.pause(node: $0) }),
            (5, node.map { Step.resume(node: $0) }),
            (3, partition(nodes: nodes)),
            (2, node.map { Step.isolate(node: $0) }),
            (4, Gen.always(Step.heal)),
            (12, advance),
            (1, node.map { Step.leave(node: $0) }),
            (1, node.map { Step.rejoin(node: $0) }),
            (2, join(nodes: nodes)),
            (streamWeight > 1 ? 2 : 0, key.map { Step.wipeOwners(key: $0) })
        )
    }

    /// A join of one of the shape's nodes (taken when it has left) or of one of two new nodes,
    /// whose contact then dies, leaves or is cut off.
    static func join(nodes: Int) -> Generator<Step, some Sequence & SendableMetatype> {
        zip(Gen.int(in: 1...(nodes + 2)), Gen.int(in: 0...(ContactFate.allCases.count - 1))).map {
            Step.join(node: $0, contact: ContactFate.allCases[$1])
        }
    }

    static let faultFreeStep: Generator<Step, some Sequence & SendableMetatype> = {
        let key = Gen.int(in: 1...4)
        return Gen<Step>.frequency(
            (40, put(keys: 4)),
            (8, zip(key, fieldSet).map { Step.deleteFields(key: $0, fields: $1) }),
            (3, key.map { Step.deleteObject(key: $0) }),
            (6, key.map { Step.get(key: $0) }),
            (10, open(keys: 4)),
            (3, stream.map { Step.close(stream: $0) }),
            (4, stream.map { Step.disconnect(stream: $0) }),
            (5, stream.map { Step.reconnect(stream: $0) }),
            (6, advance)
        )
    }()
}

enum Shrinking {
    /// Shrink candidates of a scenario, each strictly smaller, simplest first: fewer or simpler
    /// steps (`steps`), then a smaller shape (`shapes`).
    static func scenario(_ s: Scenario, minimumSteps: Int) -> [Scenario] {
        steps(s.steps, minimum: minimumSteps).map { Scenario(seed: s.seed, shape: s.shape, steps: $0) }
            + shapes(s)
    }

    /// Runs of steps removed (the second half, the first half, then quarters, … down to single
    /// steps), then one step at a time replaced by one of its simplifications.
    static func steps(_ steps: [Step], minimum: Int) -> [[Step]] {
        var result: [[Step]] = []
        var chunk = steps.count > 1 ? steps.count / 2 : steps.count
        while chunk >= 1 {
            var start = steps.count - chunk
            while start > -chunk {
                let lo = max(0, start), hi = min(steps.count, start + chunk)
                if steps.count - (hi - lo) >= minimum {
                    result.append(Array(steps[..<lo] + steps[hi...]))
                }
                start -= chunk
            }
            chunk /= 2
        }
        for (i, step) in steps.enumerated() {
            for simpler in step.simplifications {
                var copy = steps
                copy[i] = simpler
                result.append(copy)
            }
        }
        return result
    }

    /// A node fewer (the highest, dropped with the steps that name it, or renamed to a lower one
    /// in every step); the steps of one node renamed to a lower node; fewer replicas, smaller
    /// quorums; no loss, or half as much; latency down to 1ms..1ms; default timers.
    static func shapes(_ s: Scenario) -> [Scenario] {
        var result: [Scenario] = []
        func with(_ change: (inout ClusterShape) -> Void, steps: [Step]? = nil) {
            var shape = s.shape
            change(&shape)
            result.append(Scenario(seed: s.seed, shape: shape, steps: steps ?? s.steps))
        }
        let top = s.shape.nodes
        if top > 3 {
            with({ $0.nodes -= 1 }, steps: s.steps.compactMap { $0.dropping(node: top) })
            for lower in 1..<top {
                with({ $0.nodes -= 1 }, steps: s.steps.map { $0.renaming(node: top, to: lower) })
            }
        }
        let named = Set(s.steps.flatMap(\.nodes))
        for node in named.sorted() where node > 1 {
            for lower in 1..<node where !named.contains(lower) {
                result.append(Scenario(seed: s.seed, shape: s.shape, steps: s.steps.map { $0.renaming(node: node, to: lower) }))
            }
        }
        let shape = s.shape
        if shape.replicas > 1 {
            with { $0.replicas -= 1; $0.read = min($0.read, $0.replicas); $0.write = min($0.write, $0.replicas) }
        }
        if shape.read > 1 { with { $0.read -= 1 } }
        if shape.write > 1 { with { $0.write -= 1 } }
        if shape.lossPPM > 0 {
            with { $0.lossPPM = 0 }
            if shape.lossPPM > 1 { with { $0.lossPPM /= 2 } }
        }
        if shape.latencyMs != 1...1 {
            with { $0.latencyMs = 1...1 }
            if shape.latencyMs.upperBound > shape.latencyMs.lowerBound {
                with { $0.latencyMs = $0.latencyMs.lowerBound...$0.latencyMs.lowerBound }
            }
        }
        if shape.fastTimers { with { $0.fastTimers = false } }
        return result
    }
}
