import Cluster

/// `check [within DURATION]`: an expectation over the whole history (see Cluster's HistoryChecker).
extension Interpreter {
    func check(within limit: Micros, _ command: Command) {
        let report = cluster.check(limit: limit)
        var seen: [String] = []
        if report.converged {
            seen.append("converged at \(Durations.text(cluster.now)); \(report.writesChecked) acknowledged writes, "
                + "\(report.streamsChecked) streams checked")
        } else {
            seen.append("not converged within \(Durations.text(limit)): " + report.unmet.joined(separator: "; "))
        }
        if !report.violations.isEmpty {
            seen.append("\(report.violations.count) violation\(report.violations.count == 1 ? "" : "s"):")
            seen += report.violations.map { "  " + $0 }
        }
        record(report.passed, command,
               expected: "converged; every acknowledged write present or superseded; nothing no client wrote; "
                   + "streams kept guarantees 1-3",
               seen: seen.joined(separator: "\n            "))
    }
}
