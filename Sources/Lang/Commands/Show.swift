extension CommandDeclaration {
    /// `show ring|nodes|key KEY|streams|stats|convergence`: tables.
    static let show = CommandDeclaration(
        word: "show", group: .inspection,
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
            let result: ShowTarget
            switch target {
            case "ring": result = .ring
            case "nodes": result = .nodes
            case "streams": result = .streams
            case "stats": result = .stats
            case "convergence": result = .convergence
            default: result = .key(parser.file.word(try args.key()))
            }
            try args.end()
            return parser.built(.show(result), args, into: &table)
        },
        complete: { arguments, context in
            if arguments.isEmpty { return showTargets }
            return arguments == ["key"] ? context.keys : []
        })

    /// What may follow `show`.
    static let showTargets = ["ring", "nodes", "key", "streams", "stats", "convergence"]
}
