import Cluster

extension CommandDeclaration {
    /// `disconnect NAME`: the stream's client goes away.
    static let disconnect = CommandDeclaration(
        word: "disconnect", group: .streams,
        usages: ["disconnect NAME"],
        summary: "the stream's client goes away",
        details: [
            "The stream's client goes away: reports for it are dropped until reconnect.",
        ],
        example: ["disconnect s", "put Alice balance=5", "reconnect s"],
        parse: { parser, args, table throws(ScriptError) in
            let name = parser.file.word(try args.stream())
            try args.end()
            return parser.declared(StreamNameArguments(name: name), args, into: &table)
        },
        complete: { arguments, context in arguments.isEmpty ? context.streams : [] },
        behaviour: .of(StreamNameArguments.self,
            run: { interpreter, command, arguments throws(ScriptError) in
                let name = interpreter.text(arguments.name)
                try interpreter.attempt(command, [arguments.name]) { () throws(ClusterError) in
                    try interpreter.cluster.disconnectStream(name)
                }
                return .next
            },
            checkNames: { checker, arguments, _ throws(ScriptError) in try checker.openStream(arguments.name) },
            source: { arguments, word in "disconnect " + Formatting.word(word(arguments.name)) }))
}
