import Cluster

extension CommandDeclaration {
    /// `show ring|nodes|key KEY|streams|stats|convergence`: tables.
    static let show = CommandDeclaration(
        word: "show", helpOrder: 250, group: .inspection,
        usages: ["show ring|nodes|key KEY|streams|stats|convergence"],
        summary: "tables: ring nodes key KEY streams stats convergence",
        shortUsage: "show WHAT",
        details: [
            "ring: tokens and owners; nodes: node states and views; key KEY: each replica's",
            "fields with versions, and copies a node holds as hints for another or hands off as",
            "it leaves (marked so); streams: open streams; stats: message and operation counts;",
            "convergence: which part of converged does not hold yet.",
        ],
        example: ["show ring", "show key Alice"],
        // `convergence` is not reserved: it is an addition to the language, and names written
        // before it came stay valid.
        keywords: ["ring", "nodes", "key", "streams", "stats"],
        parse: { parser, args, table throws(ScriptError) in
            let (target, _) = try args.choice("what to show", showTargets)
            let result: ShowArguments
            switch target {
            case "ring": result = .ring
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
            return arguments == ["key"] ? context.keys : []
        },
        behaviour: .of(ShowArguments.self,
            run: { interpreter, _, target in
                let cluster = interpreter.cluster
                let text: String
                switch target {
                case .ring: text = Formatting.table(cluster.showRing())
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
    case ring, nodes, streams, stats
    case key(Word)
    /// Which clauses of *converged* do not hold yet.
    case convergence
}
