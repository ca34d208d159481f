import Cluster

extension CommandDeclaration {
    /// `wait converged [within DURATION]`: advances until converged (an expectation).
    static let wait = CommandDeclaration(
        word: "wait", helpOrder: 200, group: .time,
        usages: ["wait converged [within DURATION]"],
        summary: "advance until converged (an expectation)",
        details: [
            "Advances until the cluster is converged (default limit 60s). Counts as passed, or as",
            "failed at the limit.",
        ],
        example: ["kill n2", "wait converged within 30s"],
        keywords: ["converged", "within"],
        parse: { parser, args, table throws(ScriptError) in
            _ = try args.choice("`converged`", ["converged"])
            let within = try args.within().map(parser.amount)
            return parser.declared(WithinArguments(within: within), args, into: &table)
        },
        complete: { arguments, _ in arguments.isEmpty ? ["converged"] : arguments.count == 1 ? ["within"] : [] },
        behaviour: .of(WithinArguments.self,
            run: { interpreter, command, arguments throws(ScriptError) in
                let limit = try interpreter.limit(arguments.within)
                let cluster = interpreter.cluster
                let converged = cluster.waitConverged(limit: limit)
                let unmet = converged ? [] : cluster.convergence().unmet
                interpreter.record(converged, command, expected: "converged within \(Durations.text(limit))",
                                   seen: converged ? "converged at \(Durations.text(cluster.now))"
                                       : "not converged: " + unmet.joined(separator: "; "))
                return .next
            },
            source: { arguments, word in "wait converged" + arguments.source(word) }))
}

/// `[within DURATION]` of `wait converged` and `check`.
struct WithinArguments: CommandArguments, Equatable {
    var within: Amount<Micros>?

    /// ` within DURATION`, or nothing.
    func source(_ word: (Word) -> String) -> String {
        within.map { " within " + sourceText($0, word, Durations.text) } ?? ""
    }
}

extension Interpreter {
    /// The limit of `wait converged` and `check`: as written, or 60s.
    func limit(_ within: Amount<Micros>?) throws(ScriptError) -> Micros {
        guard let within else { return 60_000_000 }
        return try value(within, .duration)
    }
}
