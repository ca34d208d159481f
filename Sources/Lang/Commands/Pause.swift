import Cluster

extension CommandDeclaration {
    /// `pause NODE`: the node freezes.
    static let pause = CommandDeclaration(
        word: "pause", group: .cluster,
        usages: ["pause NODE"],
        summary: "freeze a node (messages to it wait)",
        details: [
            "The node freezes: it sends nothing and its timers stop; messages that reach it wait,",
            "in order, and are handled after resume.",
        ],
        example: ["pause n1", "advance 3s", "resume n1"],
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
                    try interpreter.cluster.pause(name)
                }
                return .next
            },
            checkNames: { checker, arguments, _ throws(ScriptError) in try checker.knownNode(arguments.node) },
            source: { arguments, word in "pause " + Formatting.word(word(arguments.node)) }))
}

extension CommandKind {
    /// `pause NODE`, as `chaos` and tests write it.
    static func pause(_ node: Word) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.pause, NodeArguments(node: node)))
    }
}
