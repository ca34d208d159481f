import Cluster

extension CommandDeclaration {
    /// `isolate NODE`: cuts the node off from every other node.
    static let isolate = CommandDeclaration(
        word: "isolate", group: .cluster,
        usages: ["isolate NODE"],
        summary: "cut a node off from every other node",
        details: [
            "Cuts NODE off from every other node (the client still reaches it).",
        ],
        example: ["isolate n3", "advance 10s", "heal"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in
            let node = parser.file.word(try args.node())
            try args.end()
            return parser.declared(NodeArguments(node: node), args, into: &table)
        },
        complete: { arguments, context in arguments.isEmpty ? context.nodes : [] },
        behaviour: .of(NodeArguments.self,
            run: { interpreter, command, arguments throws(ScriptError) in
                let name = interpreter.text(arguments.node)
                try interpreter.attempt(command, [arguments.node]) { () throws(ClusterError) in
                    try interpreter.cluster.isolate(name)
                }
                return .next
            },
            checkNames: { checker, arguments, _ throws(ScriptError) in try checker.knownNode(arguments.node) },
            source: { arguments, word in "isolate " + Formatting.word(word(arguments.node)) }))
}

extension CommandKind {
    /// `isolate NODE`, as `chaos` and tests write it.
    static func isolate(_ node: Word) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.isolate, NodeArguments(node: node)))
    }
}
