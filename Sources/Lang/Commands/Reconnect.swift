import Cluster

extension CommandDeclaration {
    /// `reconnect NAME`: the stream's client comes back and catches up.
    static let reconnect = CommandDeclaration(
        word: "reconnect", group: .streams,
        usages: ["reconnect NAME"],
        summary: "the stream's client comes back and catches up",
        details: [
            "Resumes after the last sequence number seen: collects reports, reads the selected",
            "fields as get does, merges by highest stamp and, if the values differ from the last",
            "view delivered, delivers one view of them. Nothing is duplicated or goes back.",
        ],
        example: ["disconnect s", "put Alice balance=5", "reconnect s", "expect stream s last balance=5"],
        parse: { parser, args, table throws(ScriptError) in
            let name = parser.file.word(try args.stream())
            try args.end()
            return parser.declared(StreamNameArguments(name: name), args, into: &table)
        },
        complete: { arguments, context in arguments.isEmpty ? context.streams : [] },
        behaviour: .of(StreamNameArguments.self,
            run: { interpreter, command, arguments throws(ScriptError) in
                let name = interpreter.text(arguments.name)
                try interpreter.holdingDeliveries { () throws(ScriptError) in
                    let result = try interpreter.attempt(command, [arguments.name]) { () throws(ClusterError) in
                        try interpreter.cluster.reconnectStream(name)
                    }
                    interpreter.session.emit(.normal, "reconnect \(name): "
                        + (result.succeeded ? "ok" : interpreter.describeFailure(result)))
                }
                return .next
            },
            checkNames: { checker, arguments, _ throws(ScriptError) in try checker.openStream(arguments.name) },
            source: { arguments, word in "reconnect " + Formatting.word(word(arguments.name)) }))
}
