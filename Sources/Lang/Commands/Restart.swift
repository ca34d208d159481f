import Cluster

extension CommandDeclaration {
    /// `restart NODE`: a killed node starts again.
    static let restart = CommandDeclaration(
        word: "restart", group: .cluster,
        usages: ["restart NODE"],
        summary: "start a killed node again with what its disk kept",
        details: [
            "A killed node starts again with what its disk kept (nothing after wipe), rejoins and",
            "catches up. Restarting a node that is not killed is an error.",
        ],
        example: ["kill n2", "advance 5s", "restart n2"],
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
                    try interpreter.cluster.restart(name)
                }
                return .next
            },
            checkNames: { checker, arguments, _ throws(ScriptError) in try checker.knownNode(arguments.node) },
            source: { arguments, word in "restart " + Formatting.word(word(arguments.node)) }))
}

extension CommandKind {
    /// `restart NODE`, as `chaos` and tests write it.
    static func restart(_ node: Word) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.restart, NodeArguments(node: node)))
    }
}
