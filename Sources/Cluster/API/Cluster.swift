/// The simulated cluster: the one boundary that the language, the REPL, `chaos` and the benchmark use.
///
/// Everything runs on one thread in virtual time. Client operations are asynchronous at the core
/// (`submit` returns an id; the operation completes later as the simulation runs); the blocking
/// forms (`perform`, `openStream`, …) are `submit` plus running until completion.
///
/// SKELETON: the bodies below are placeholders that the Cluster implementation replaces.
/// Signatures are the contract between Lang and Cluster; change them only together.
public final class Cluster {
    public private(set) var settings: Settings
    /// Virtual time now, in microseconds since the cluster was made.
    public private(set) var now: Micros = 0
    /// Receives deliveries, trace lines and notices as they happen.
    public var onEvent: ((ClusterEvent) -> Void)?
    /// Message-level trace (send, deliver, drop) through `onEvent`.
    public var tracing = false
    /// Polled during long runs (`advance`, `wait converged`); when it returns true the run stops early.
    public var interruptRequested: (() -> Bool)?

    public init(seed: UInt64 = 1, settings: Settings = Settings()) {
        self.settings = settings
    }

    // MARK: Settings and seed

    /// Applies settings already checked with `Settings.firstInvalid()`.
    public func configure(_ settings: Settings) throws(ClusterError) {
        self.settings = settings
    }

    /// Derives every random stream again from `seed`.
    public func reseed(_ seed: UInt64) {}

    // MARK: Cluster and network commands

    public func add(_ names: [String]) throws(ClusterError) { throw unsupported("add") }
    /// Graceful leave; runs the simulation until the handoff finishes (at most 60s).
    public func remove(_ name: String) throws(ClusterError) -> RemoveOutcome { throw unsupported("remove") }
    public func kill(_ name: String, wipe: Bool) throws(ClusterError) { throw unsupported("kill") }
    public func restart(_ name: String) throws(ClusterError) { throw unsupported("restart") }
    public func pause(_ name: String) throws(ClusterError) { throw unsupported("pause") }
    public func resume(_ name: String) throws(ClusterError) { throw unsupported("resume") }
    /// Two or more disjoint, non-empty groups; replaces the previous partition (isolations stay).
    public func partition(_ groups: [[String]]) throws(ClusterError) { throw unsupported("partition") }
    public func isolate(_ name: String) throws(ClusterError) { throw unsupported("isolate") }
    public func heal() {}

    // MARK: Client operations

    /// Submits a request; `completion` runs (inside the simulation) when it completes or times out.
    public func submit(_ request: ClientRequest,
                       completion: ((ClientResult) -> Void)? = nil) throws(ClusterError) -> OperationID {
        throw unsupported("client operations")
    }

    /// The outcome of a submitted operation, once it has completed.
    public func result(of id: OperationID) -> ClientResult? { nil }

    /// Submits a request and runs the simulation until it completes or times out.
    public func perform(_ request: ClientRequest) throws(ClusterError) -> ClientResult {
        throw unsupported("client operations")
    }

    // MARK: Live queries

    /// Opens a named live query; runs until the registration is stored on `write` replicas and the
    /// starting view is read. Returns `.read` with the starting view, or `.failed` (the stream is then
    /// not open). With `initial`, the starting view is also delivered as view 1.
    public func openStream(_ name: String, key: String, fields: [String],
                           initial: Bool) throws(ClusterError) -> ClientResult {
        throw unsupported("stream")
    }
    public func closeStream(_ name: String) throws(ClusterError) { throw unsupported("close") }
    public func disconnectStream(_ name: String) throws(ClusterError) { throw unsupported("disconnect") }
    /// Resumes after the last sequence number seen; may deliver one view of what changed meanwhile.
    public func reconnectStream(_ name: String) throws(ClusterError) -> ClientResult {
        throw unsupported("reconnect")
    }
    /// Lets virtual time pass until no report for the stream is in flight (at most `timeout`).
    public func settleStream(_ name: String) throws(ClusterError) { throw unsupported("expect stream") }
    /// Names of open streams, sorted.
    public var openStreams: [String] { [] }

    // MARK: Time

    /// Lets `duration` of virtual time pass (stops early if `interruptRequested` says so).
    public func advance(by duration: Micros) {}
    /// Advances until converged or until `limit` has passed; true when converged.
    public func waitConverged(limit: Micros) -> Bool { false }
    /// Runs `action` at virtual time `time` (now or later) as the simulation passes it.
    public func schedule(at time: Micros, _ action: @escaping () -> Void) throws(ClusterError) {
        throw unsupported("at")
    }
    /// Scheduled actions that have not run yet.
    public var pendingScheduledActions: Int { 0 }

    // MARK: Inspection (ground truth, read-only; never consulted by node logic)

    /// Nodes in the cluster (added, not removed), in the order they were added.
    public var nodeNames: [String] { [] }
    public func state(of node: String) -> NodeState? { nil }
    /// The key's preference list (LANGUAGE.md, "Preference list").
    public func owners(of key: String) -> [String] { [] }
    /// Whether `observer`'s membership view holds `other` as up.
    public func sees(_ observer: String, _ other: String) throws(ClusterError) -> Bool {
        throw unsupported("sees")
    }
    public func convergence() -> ConvergenceReport { ConvergenceReport(unmet: ["not built yet"]) }
    /// Keys any node stores, sorted (for completion).
    public var knownKeys: [String] { [] }
    /// Fields ever written to `key`, sorted (for completion).
    public func knownFields(of key: String) -> [String] { [] }

    public func showRing() -> Table { Table(title: "ring", headers: [], rows: []) }
    public func showNodes() -> Table { Table(title: "nodes", headers: [], rows: []) }
    public func showKey(_ key: String) -> Table { Table(title: "key \(key)", headers: [], rows: []) }
    public func showStreams() -> Table { Table(title: "streams", headers: [], rows: []) }
    public func showStats() -> Table { Table(title: "stats", headers: [], rows: []) }

    private func unsupported(_ what: String) -> ClusterError {
        ClusterError(.unsupported, "\(what) is not built yet")
    }
}
