/// The simulated cluster: the one boundary that the language, the REPL, `chaos` and the benchmark use.
///
/// Everything runs on one thread in virtual time. Client operations are asynchronous at the core
/// (`submit` returns an id; the operation completes later as the simulation runs); the blocking
/// forms (`perform`, `openStream`, …) are `submit` plus running until completion.
/// The simulation itself lives in `Simulation` (Sources/Cluster/Simulation and siblings).
public final class Cluster {
    let sim: Simulation

    public var settings: Settings { sim.settings }
    /// Virtual time now, in microseconds since the cluster was made.
    public var now: Micros { sim.now }
    /// Events the simulation has run so far (message deliveries, timers, deadlines).
    public var eventsRun: Int { sim.eventsRun }
    /// Receives deliveries and trace lines as they happen.
    public var onEvent: ((ClusterEvent) -> Void)? {
        get { sim.onEvent }
        set { sim.onEvent = newValue }
    }
    /// Message-level trace (send, deliver, drop) through `onEvent`.
    /// Whether every client operation stays recorded after it completes (the default): `check`,
    /// `result(of:)` and `stamp(of:)` read that history. A caller that needs none (the benchmark's
    /// million puts) turns it off: an operation submitted with a completion callback is then
    /// forgotten once its callback has run, and memory holds only operations in flight.
    public var recordsHistory: Bool {
        get { sim.client.ops.keepsHistory }
        set { sim.client.ops.keepsHistory = newValue }
    }

    public var tracing: Bool {
        get { sim.tracing }
        set { sim.tracing = newValue }
    }
    /// Polled during long runs (`advance`, `wait converged`); when it returns true the run stops early.
    public var interruptRequested: (() -> Bool)? {
        get { sim.interruptRequested }
        set { sim.interruptRequested = newValue }
    }

    public init(seed: UInt64 = 1, settings: Settings = Settings()) {
        sim = Simulation(seed: seed, settings: settings)
    }

    // MARK: Settings and seed

    /// Applies settings already checked with `Settings.firstInvalid()`. A change of `replicas`
    /// re-replicates every range (an anti-entropy round on every running node).
    public func configure(_ settings: Settings) throws(ClusterError) {
        let old = sim.settings
        sim.settings = settings
        if old.replicas != settings.replicas {
            for n in sim.members where sim.machines[n.index].state == .running { sim.context(n).antiEntropyRound() }
        }
    }

    /// Derives every random stream again from `seed`.
    public func reseed(_ seed: UInt64) { sim.reseed(seed) }

    /// A draw from the `chaos` random stream (xoshiro256**, derived from the seed apart from the
    /// network's and the nodes' streams, so a replay without `chaos` sees the same delays):
    /// uniform in 0..<bound; 0 when bound is 0.
    public func chaosDraw(below bound: UInt64) -> UInt64 {
        bound == 0 ? 0 : sim.random.chaos.below(bound)
    }

    // MARK: Cluster and network commands

    public func add(_ names: [String]) throws(ClusterError) { try sim.add(names) }
    /// Graceful leave; runs the simulation until the handoff finishes (at most 60s).
    public func remove(_ name: String) throws(ClusterError) -> RemoveOutcome {
        try sim.remove(sim.node(named: name))
    }
    /// Starts a graceful leave and returns at once (same errors as `remove`); `completion` runs
    /// (inside the simulation) when the handoff finishes, after 60s without it, or at once when
    /// the node is not running (or is killed or paused while leaving).
    public func beginRemove(_ name: String, completion: @escaping (RemoveOutcome) -> Void) throws(ClusterError) {
        try sim.beginRemove(sim.node(named: name), completion: completion)
    }

    /// Whether the node is leaving gracefully (`beginRemove` under way): it is still a member,
    /// and leaves the cluster when its handoff ends.
    public func isLeaving(_ name: String) -> Bool {
        sim.nameIndex[name].map { sim.leaving[$0] != nil } ?? false
    }
    public func kill(_ name: String, wipe: Bool) throws(ClusterError) { try sim.kill(sim.node(named: name), wipe: wipe) }
    public func restart(_ name: String) throws(ClusterError) { try sim.restart(sim.node(named: name)) }
    public func pause(_ name: String) throws(ClusterError) { try sim.pause(sim.node(named: name)) }
    public func resume(_ name: String) throws(ClusterError) { try sim.resume(sim.node(named: name)) }
    /// Two or more disjoint, non-empty groups; replaces the previous partition (isolations stay).
    public func partition(_ groups: [[String]]) throws(ClusterError) { try sim.partition(groups) }
    public func isolate(_ name: String) throws(ClusterError) { sim.isolate(try sim.node(named: name)) }
    public func heal() { sim.heal() }

    // MARK: Client operations

    /// Submits a request; `completion` runs (inside the simulation) when it completes or times out.
    public func submit(_ request: ClientRequest,
                       completion: ((ClientResult) -> Void)? = nil) throws(ClusterError) -> OperationID {
        let (req, via) = sim.makeRequest(request)
        return OperationID(raw: Int(try sim.submitInternal(sim.client, req, via: via, completion: completion).raw))
    }

    /// The outcome of a submitted operation, once it has completed (nil for one forgotten
    /// because `recordsHistory` is off).
    public func result(of id: OperationID) -> ClientResult? {
        id.raw >= 0 && id.raw <= Int(Int32.max) ? sim.client.ops[ClientOpID(Int32(id.raw))]?.result : nil
    }

    /// Submits a request and runs the simulation until it completes or times out.
    public func perform(_ request: ClientRequest) throws(ClusterError) -> ClientResult {
        let (req, via) = sim.makeRequest(request)
        return try sim.performInternal(sim.client, req, via: via).result
    }

    // MARK: Live queries

    /// Opens a named live query; runs until the registration is stored on `write` replicas and the
    /// starting view is read. Returns `.read` with the starting view (fields in selection order), or
    /// `.failed` (the stream is then not open). With `initial`, the starting view is also delivered
    /// as view 1.
    public func openStream(_ name: String, key: String, fields: [String],
                           initial: Bool) throws(ClusterError) -> ClientResult {
        try sim.openStream(sim.client, name, key: key, fields: fields, initial: initial)
    }
    public func closeStream(_ name: String) throws(ClusterError) { try sim.closeStream(sim.client, name) }
    public func disconnectStream(_ name: String) throws(ClusterError) { try sim.disconnectStream(sim.client, name) }
    /// Resumes after the last sequence number seen; may deliver one view of what changed meanwhile.
    public func reconnectStream(_ name: String) throws(ClusterError) -> ClientResult {
        try sim.reconnectStream(sim.client, name)
    }
    /// Lets virtual time pass until no report for the stream is in flight (at most `timeout`).
    public func settleStream(_ name: String) throws(ClusterError) { try sim.settleStream(sim.client, name) }
    /// Names of open streams, sorted.
    public var openStreams: [String] { sim.client.streams.keys.sorted() }

    // MARK: Time

    /// Lets `duration` of virtual time pass (stops early if `interruptRequested` says so).
    public func advance(by duration: Micros) {
        sim.run(until: sim.now &+ max(0, duration))
    }
    /// Advances until converged or until `limit` has passed; true when converged.
    public func waitConverged(limit: Micros) -> Bool { sim.waitConverged(limit: limit) }
    /// Runs `action` at virtual time `time` (now or later) as the simulation passes it.
    public func schedule(at time: Micros, _ action: @escaping () -> Void) throws(ClusterError) {
        guard time >= sim.now else {
            throw ClusterError(.timeInPast, "time \(Durations.text(time)) is already past (now \(Durations.text(sim.now)))")
        }
        sim.scheduleAction(at: time, action)
    }
    /// Scheduled actions that have not run yet.
    public var pendingScheduledActions: Int { sim.actions.count }

    // MARK: Inspection (ground truth, read-only; never consulted by node logic)

    /// Nodes in the cluster (added, not removed), in the order they were added.
    public var nodeNames: [String] { sim.members.map(\.name) }
    public func state(of node: String) -> NodeState? {
        sim.nameIndex[node].map { sim.machines[$0].state }
    }
    /// The key's preference list (docs/language.md, "The ring and preference lists").
    public func owners(of key: String) -> [String] {
        sim.owners(sim.internKey(key)).map { sim.nodes[$0].name }
    }
    /// Whether `observer`'s membership view holds `other` as up.
    public func sees(_ observer: String, _ other: String) throws(ClusterError) -> Bool {
        let o = try sim.node(named: observer), t = try sim.node(named: other)
        return o.view.isUp(t.index)
    }
    /// Whether `observer`'s membership view holds `other` at all (up or down): false for a node
    /// stopped before its join reached the observer.
    public func hasHeard(_ observer: String, of other: String) throws(ClusterError) -> Bool {
        let o = try sim.node(named: observer), t = try sim.node(named: other)
        return o === t || o.view[t.index] != nil
    }
    public func convergence() -> ConvergenceReport { ConvergenceReport(unmet: sim.convergence()) }
    /// Keys any node stores, sorted (for completion).
    public var knownKeys: [String] {
        var ids: Set<KeyID> = []
        for n in sim.members { for k in n.store.keys { ids.insert(k) } }
        return ids.map { sim.keys[$0] }.sorted()
    }
    /// Fields ever written to `key`, sorted (for completion).
    public func knownFields(of key: String) -> [String] {
        guard let id = sim.keys.lookup(key).map(KeyID.init) else { return [] }
        var ids: Set<FieldID> = []
        for n in sim.members { for f in n.store[id]?.fields ?? [] { ids.insert(f.field) } }
        return ids.map { sim.fields[$0] }.sorted()
    }

    /// Each node's share of the ring, the keys it holds a replica of, and its ranges.
    public func showRing() -> Table { sim.showRingShares() }
    /// Every token of the ring with its node.
    public func showRingTokens() -> Table { sim.showRingTokens() }
    public func showNodes() -> Table { sim.showNodes() }
    public func showKey(_ key: String) -> Table { sim.showKey(key) }
    public func showStreams() -> Table { sim.showStreams() }
    public func showStats() -> Table { sim.showStats() }
}
