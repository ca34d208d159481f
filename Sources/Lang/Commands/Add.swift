import Cluster

extension CommandDeclaration {
    /// `add NODE…`: starts nodes.
    static let add = CommandDeclaration(
        word: "add", helpOrder: 30, group: .cluster,
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
            var nodes: [Lexeme] = []
            while let token = args.next() {
                let node = try args.name(token, kind: .node)
                if nodes.contains(where: { parser.source.sameText($0, node) }) {
                    throw ScriptError("`\(parser.file.text(node))` is named twice: `add` starts each node once",
                                      at: parser.file.range(node))
                }
                nodes.append(node)
            }
            if nodes.isEmpty { throw args.missing("at least one node name") }
            var reader = SourceReader(file: parser.file)
            return parser.declared(AddArguments(nodes: nodes.map { reader.word($0) }), args, into: &table)
        },
        behaviour: .of(AddArguments.self,
            run: { interpreter, command, add throws(ScriptError) in
                let names = add.nodes.map(interpreter.text)
                try interpreter.attempt(command, add.nodes) { () throws(ClusterError) in
                    try interpreter.cluster.add(names)
                }
                return .next
            },
            checkNames: { checker, add, _ in for node in add.nodes { checker.add(node) } },
            source: { add, word in (["add"] + add.nodes.map { Formatting.word(word($0)) }).joined(separator: " ") }))
}

struct AddArguments: CommandArguments, Equatable {
    var nodes: [Word]
}
