import Cluster

extension CommandDeclaration {
    /// `resume NODE`: a paused node goes on.
    static let resume = CommandDeclaration(
        word: "resume", group: .cluster,
        usages: ["resume NODE"],
        summary: "unfreeze a paused node",
        details: [
            "A paused node goes on with its state, handling the messages that waited.",
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
                    try interpreter.cluster.resume(name)
                }
                return .next
            },
            checkNames: { checker, arguments, _ throws(ScriptError) in try checker.knownNode(arguments.node) },
            source: { arguments, word in "resume " + Formatting.word(word(arguments.node)) }))
}

extension CommandKind {
    /// `resume NODE`, as `chaos` and tests write it.
    static func resume(_ node: Word) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.resume, NodeArguments(node: node)))
    }
}
