extension CommandDeclaration {
    /// `add NODE…`: starts nodes.
    static let add = CommandDeclaration(
        word: "add", group: .cluster,
        usages: ["add NODE…"],
        summary: "start nodes (bootstrap, or join and rebalance)",
        details: [
            "Starts nodes and returns at once. Nodes added to an empty cluster start knowing one",
            "another; nodes added later contact a running node, join through gossip and take over",
            "ranges (rebalance). Adding a node already in the cluster is an error.",
        ],
        example: ["add n1 n2 n3", "add n4"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in
            let firstWord = table.nextWord
            while let token = args.next() {
                let node = try args.name(token, kind: .node)
                if table.words[firstWord...].contains(where: { parser.source.sameText($0, node) }) {
                    throw ScriptError("`\(parser.file.text(node))` is named twice: `add` starts each node once",
                                      at: parser.file.range(node))
                }
                table.append(word: node)
            }
            if table.nextWord == firstWord { throw args.missing("at least one node name") }
            return parser.entry(.add, args, from: firstWord, into: &table)
        })
}
