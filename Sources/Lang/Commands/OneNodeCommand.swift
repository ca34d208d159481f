import Cluster

extension CommandDeclaration {
    /// A cluster command of the form `WORD NODE` that applies one change to one node (`pause`,
    /// `resume`, `restart`, `isolate`): its parsing, name check, completion, source and run are
    /// the same but for the change and the nodes it fits, so each such command's file gives only
    /// its words, what Tab offers after it (`offers`) and `act`.
    static func oneNode(_ word: String, helpOrder: Int, summary: String, details: [String], example: [String],
                        offers: @escaping @Sendable (CompletionContext) -> [String],
                        act: @escaping @Sendable (Cluster, String) throws(ClusterError) -> Void) -> CommandDeclaration {
        CommandDeclaration(
            word: word, helpOrder: helpOrder, group: .cluster,
            usages: ["\(word) NODE"],
            summary: summary,
            details: details,
            example: example,
            runsInAtBlock: true,
            parse: { parser, args, table throws(ScriptError) in
                let node = parser.file.word(try args.node())
                try args.end()
                return parser.declared(NodeArguments(node: node), args, into: &table)
            },
            complete: { arguments, context in arguments.isEmpty ? offers(context) : [] },
            behaviour: .of(NodeArguments.self,
                run: { interpreter, command, arguments throws(ScriptError) in
                    let name = interpreter.text(arguments.node)
                    try interpreter.attempt(command, [arguments.node]) { () throws(ClusterError) in
                        try act(interpreter.cluster, name)
                    }
                    return .next
                },
                checkNames: { checker, arguments, _ throws(ScriptError) in try checker.knownNode(arguments.node) },
                source: { arguments, text in "\(word) " + Formatting.word(text(arguments.node)) }))
    }
}
