/// What `check` found (docs/language.md, "Fault campaigns and checking").
public struct CheckReport: Equatable, Sendable {
    /// Whether the cluster converged within the limit.
    public var converged: Bool
    /// When it did not: the clauses of *converged* that still fail.
    public var unmet: [String]
    /// Each violation in words, naming the key, field and operations involved.
    public var violations: [String]
    /// How much was judged: acknowledged writes and stream instances.
    public var writesChecked: Int
    public var streamsChecked: Int
    public var passed: Bool { converged && violations.isEmpty }
}

extension Cluster {
    /// Lets every client operation in flight complete or time out, waits until converged (at most
    /// `limit`), then checks the whole history: acknowledged writes present or superseded, nothing
    /// no client wrote, and the live-query guarantees of every stream.
    ///
    /// Operations that scheduled actions (`at` blocks) start while it waits are let finish too:
    /// the history is judged only once no put, get or delete is in flight and the cluster has
    /// converged (or `limit` has passed). The time spent letting operations finish, each bounded
    /// by `timeout`, does not count against `limit`.
    public func check(limit: Micros) -> CheckReport {
        var left = max(0, limit)
        var converged = false
        while true {
            sim.drainClientOperations()
            let start = sim.now
            converged = sim.waitConverged(limit: left)
            left = max(0, left &- (sim.now &- start))
            guard sim.clientOperationsInFlight(), !interrupted else { break }
            if !converged {
                sim.drainClientOperations()
                break
            }
        }
        let unmet = converged ? [] : sim.convergence()
        let writes = sim.client.ops.history.filter { $0.op.stamp != nil && $0.op.result?.succeeded == true }.count
        let violations = HistoryChecker(sim: sim, client: sim.client, converged: converged).violations()
        if let recorder = sim.recorder { record(recorder, converged: converged, violations) }
        return CheckReport(converged: converged, unmet: unmet, violations: violations.map(\.text),
                           writesChecked: writes, streamsChecked: sim.streamLogs.filter { $0.client == sim.client.index }.count)
    }

    private var interrupted: Bool { sim.interruptRequested?() == true }
}
