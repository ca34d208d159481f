extension CommandDeclaration {
    /// `wait converged [within DURATION]`: advances until converged (an expectation).
    static let wait = CommandDeclaration(
        word: "wait", group: .time,
        usages: ["wait converged [within DURATION]"],
        summary: "advance until converged (an expectation)",
        details: [
            "Advances until the cluster is converged (default limit 60s). Counts as passed, or as",
            "failed at the limit.",
        ],
        example: ["kill n2", "wait converged within 30s"],
        keywords: ["converged", "within"],
        parse: { parser, args, table throws(ScriptError) in
            let firstWord = table.nextWord
            _ = try args.choice("`converged`", ["converged"])
            return parser.entry(.waitConverged, args, from: firstWord, try args.within(), within: true,
                                into: &table) { $0 }
        },
        complete: { arguments, _ in arguments.isEmpty ? ["converged"] : arguments.count == 1 ? ["within"] : [] })
}
