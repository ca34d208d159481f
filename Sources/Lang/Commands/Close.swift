import Cluster

extension CommandDeclaration {
    /// `close NAME`: closes a stream.
    static let close = CommandDeclaration(
        word: "close", group: .streams,
        usages: ["close NAME"],
        summary: "close a stream",
        details: [
            "Closes the stream. A name reopened after close starts again at sequence 1.",
        ],
        example: ["stream s Alice balance", "close s"],
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
                    try interpreter.cluster.closeStream(name)
                }
                interpreter.pending[name] = nil
                return .next
            },
            checkNames: { checker, arguments, _ throws(ScriptError) in try checker.close(arguments.name) },
            source: { arguments, word in "close " + Formatting.word(word(arguments.name)) }))
}
