extension CommandDeclaration {
    /// `kill NODE [wipe]`: a crash, with the disk lost too under `wipe`.
    static let kill = CommandDeclaration(
        word: "kill", group: .cluster,
        usages: ["kill NODE [wipe]"],
        summary: "crash a node (wipe: its disk is lost too)",
        details: [
            "Crashes a running or paused node: it stops; what it had stored survives, unless wipe",
            "says the disk is lost too. Messages it had already sent still arrive.",
        ],
        example: ["kill n2", "kill n3 wipe"],
        keywords: ["wipe"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in
            let firstWord = table.nextWord
            table.append(word: try args.node())
            var wipe = false
            if !args.isEmpty {
                _ = try args.choice("`wipe`", ["wipe"])
                wipe = true
            }
            try args.end()
            return parser.entry(.kill, args, from: firstWord, wipe ? .wipe : [], into: &table)
        },
        complete: { arguments, context in
            arguments.isEmpty ? context.nodes : arguments.count == 1 ? ["wipe"] : []
        })
}
