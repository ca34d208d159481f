import Cluster

extension CommandDeclaration {
    /// `check [within DURATION]`: waits until converged, then judges the history.
    static let check = CommandDeclaration(
        word: "check", helpOrder: 240, group: .faults,
        usages: ["check [within DURATION]"],
        summary: "wait until converged, then check no write was lost",
        details: [
            "An expectation: first lets every operation in flight from `at` blocks complete or",
            "time out, then waits until converged (default limit 60s); then every acknowledged",
            "write is present or superseded by a higher stamp, nothing appears that no client",
            "wrote, and every stream kept its guarantees. Each violation names the key, field and",
            "operations involved (a write no disk holds any more is reported as lost).",
        ],
        example: ["chaos 1m", "check within 2m"],
        keywords: ["within"],
        parse: { parser, args, table throws(ScriptError) in
            let within = try args.within().map(parser.amount)
            return parser.declared(WithinArguments(within: within), args, into: &table)
        },
        complete: { arguments, _ in arguments.isEmpty ? ["within"] : [] },
        behaviour: .of(WithinArguments.self,
            run: { interpreter, command, arguments throws(ScriptError) in
                interpreter.check(within: try interpreter.limit(arguments.within), command)
                return .next
            },
            source: { arguments, word in "check" + arguments.source(word) }))
}

/// `check`: an expectation over the whole history (see Cluster's HistoryChecker).
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
