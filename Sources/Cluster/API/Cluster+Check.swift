/// What `check` found (LANGUAGE.md, "Fault campaigns and checking").
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
    /// Waits until converged (at most `limit`), then checks the whole history: acknowledged writes
    /// present or superseded, nothing no client wrote, and the live-query guarantees of every stream.
    public func check(limit: Micros) -> CheckReport {
        let converged = sim.waitConverged(limit: limit)
        let unmet = converged ? [] : sim.convergence()
        let writes = sim.ops.history.filter { $0.op.stamp != nil && $0.op.result?.succeeded == true }.count
        return CheckReport(converged: converged, unmet: unmet,
                           violations: HistoryChecker(sim: sim, converged: converged).violations(),
                           writesChecked: writes, streamsChecked: sim.streamLogs.count)
    }
}
