import Cluster

extension CommandDeclaration {
    /// `remove NODE`: graceful leave.
    static let remove = CommandDeclaration(
        word: "remove", helpOrder: 40, group: .cluster,
        usages: ["remove NODE"],
        summary: "graceful leave: hand ranges and streams off, then stop",
        details: [
            "Runs until the node has handed its ranges and streams off (if that cannot finish within",
            "60s, the node is dropped as a killed one would be, and remove says so), then stops it.",
            "Removing a killed or paused node drops it at once; its ranges re-replicate from the",
            "other replicas. A removed name may be added again as a new node.",
        ],
        example: ["add n1 n2 n3 n4", "remove n2"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in
            let node = parser.file.word(try args.node())
            try args.end()
            return parser.declared(RemoveArguments(node: node), args, into: &table)
        },
        complete: { arguments, context in arguments.isEmpty ? context.removableNodes : [] },
        behaviour: .of(RemoveArguments.self,
            run: { interpreter, command, remove throws(ScriptError) in
                let name = interpreter.text(remove.node)
                let outcome = try interpreter.attempt(command, [remove.node]) { () throws(ClusterError) in
                    try interpreter.cluster.remove(name)
                }
                interpreter.session.emit(.outcome, interpreter.describeRemove(name, outcome))
                return .next
            },
            checkNames: { checker, remove, _ throws(ScriptError) in try checker.knownNode(remove.node) },
            source: { remove, word in "remove " + Formatting.word(word(remove.node)) },
            // In an `at` block, a graceful leave runs alongside the block's other commands; its
            // outcome prints when it ends.
            startInBlock: { interpreter, command, remove throws(ScriptError) in
                interpreter.announceInBlock(command)
                interpreter.operationsInFlight += 1
                let name = interpreter.text(remove.node)
                try interpreter.attempt(command, [remove.node]) { () throws(ClusterError) in
                    try interpreter.cluster.beginRemove(name) { [unowned interpreter] outcome in
                        interpreter.operationsInFlight -= 1
                        interpreter.session.emit(.outcome, "[\(Formatting.time(interpreter.cluster.now))] "
                            + interpreter.describeRemove(name, outcome))
                    }
                }
            }))
}

struct RemoveArguments: CommandArguments, Equatable {
    var node: Word
}

extension Interpreter {
    /// What a `remove` did, in words (a plain `remove` and one in an `at` block alike).
    func describeRemove(_ node: String, _ outcome: RemoveOutcome) -> String {
        switch outcome {
        case .handedOff: "remove \(node): handed off its ranges and streams, stopped"
        case .droppedAfterTimeout: "remove \(node): handoff did not finish within 60s; dropped as a killed node would be"
        case .dropped: "remove \(node): dropped at once (it was not running)"
        }
    }
}
