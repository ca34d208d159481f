extension CommandDeclaration {
    /// `check [within DURATION]`: waits until converged, then judges the history.
    static let check = CommandDeclaration(
        word: "check", group: .faults,
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
            parser.entry(.check, args, from: table.nextWord, try args.within(), within: true, into: &table) { $0 }
        },
        complete: { arguments, _ in arguments.isEmpty ? ["within"] : [] })
}
