import Cluster

extension CommandDeclaration {
    /// `show ring [tokens]|nodes|key KEY|streams|stats|convergence`: tables.
    static let show = CommandDeclaration(
        word: "show", helpOrder: 250, group: .inspection,
        usages: ["show ring [tokens]|nodes|key KEY|streams|stats|convergence"],
        summary: "tables: ring nodes key KEY streams stats convergence",
        shortUsage: "show WHAT",
        details: [
            "ring: each node's share of the ring, the share of keys it holds a replica of, and the",
            "ranges it owns (positions in % of the ring); ring tokens: every token and its node.",
            "nodes: node states and views; key KEY: each replica's fields with versions, and",
            "copies a node holds as hints for another or hands off as it leaves (marked so);",
            "streams: open streams; stats: message and operation counts; convergence: which part",
            "of converged does not hold yet.",
        ],
        example: ["show ring", "show ring tokens", "show key Alice"],
        // `convergence` is not reserved: it is an addition to the language, and names written
        // before it came stay valid.
        keywords: ["ring", "nodes", "key", "streams", "stats"],
        parse: { parser, args, table throws(ScriptError) in
            let (target, _) = try args.choice("what to show", showTargets)
            let result: ShowArguments
            switch target {
            case "ring":
                // `tokens` is not reserved either: a word of `show ring` only.
                if args.isEmpty {
                    result = .ring
                } else {
                    _ = try args.choice("`tokens`", ["tokens"])
                    result = .ringTokens
                }
            case "nodes": result = .nodes
            case "streams": result = .streams
            case "stats": result = .stats
            case "convergence": result = .convergence
            default: result = .key(parser.file.word(try args.key()))
            }
            try args.end()
            return parser.declared(result, args, into: &table)
        },
        complete: { arguments, context in
            if arguments.isEmpty { return showTargets }
            if arguments == ["ring"] { return ["tokens"] }
            return arguments == ["key"] ? context.keys : []
        },
        behaviour: .of(ShowArguments.self,
            run: { interpreter, _, target in
                let cluster = interpreter.cluster
                let text: String
                switch target {
                case .ring: text = Formatting.table(cluster.showRing())
                case .ringTokens: text = Formatting.table(cluster.showRingTokens())
                case .nodes: text = Formatting.table(cluster.showNodes())
                case .streams: text = Formatting.table(cluster.showStreams())
                case .stats: text = Formatting.table(cluster.showStats())
                case .key(let key): text = Formatting.table(cluster.showKey(interpreter.text(key)))
                case .convergence:
                    let report = cluster.convergence()
                    text = report.isConverged ? "converged"
                        : "not converged:\n" + report.unmet.map { "  - " + $0 }.joined(separator: "\n")
                }
                interpreter.session.emit(.normal, text)
                return .next
            },
            source: { target, word in
                switch target {
                case .ring: "show ring"
                case .ringTokens: "show ring tokens"
                case .nodes: "show nodes"
                case .streams: "show streams"
                case .stats: "show stats"
                case .convergence: "show convergence"
                case .key(let key): "show key " + Formatting.word(word(key))
                }
            }))

    /// What may follow `show`.
    static let showTargets = ["ring", "nodes", "key", "streams", "stats", "convergence"]
}

/// What `show` shows.
enum ShowArguments: CommandArguments, Equatable {
    case ring, ringTokens, nodes, streams, stats
    case key(Word)
    /// Which clauses of *converged* do not hold yet.
    case convergence
}
