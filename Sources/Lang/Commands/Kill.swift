import Cluster

extension CommandDeclaration {
    /// `kill NODE [wipe]`: a crash, with the disk lost too under `wipe`.
    static let kill = CommandDeclaration(
        word: "kill", helpOrder: 50, group: .cluster,
        usages: ["kill NODE [wipe]"],
        summary: "crash a node (wipe: its disk is lost too)",
        details: [
            "Crashes a running or paused node: it stops; what it had stored survives, unless wipe",
            "says the disk is lost too. Messages it had already sent still arrive.",
        ],
        example: ["kill n2", "kill n3 wipe"],
        keywords: ["wipe"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in
            let node = parser.file.word(try args.node())
            var wipe = false
            if !args.isEmpty {
                _ = try args.choice("`wipe`", ["wipe"])
                wipe = true
            }
            try args.end()
            return parser.declared(KillArguments(node: node, wipe: wipe), args, into: &table)
        },
        complete: { arguments, context in
            arguments.isEmpty ? context.nodes(in: [.running, .paused]) : arguments.count == 1 ? ["wipe"] : []
        },
        behaviour: .of(KillArguments.self,
            run: { interpreter, command, kill throws(ScriptError) in
                let name = interpreter.text(kill.node)
                try interpreter.attempt(command, [kill.node]) { () throws(ClusterError) in
                    try interpreter.cluster.kill(name, wipe: kill.wipe)
                }
                return .next
            },
            checkNames: { checker, kill, _ throws(ScriptError) in try checker.knownNode(kill.node) },
            source: { kill, word in "kill " + Formatting.word(word(kill.node)) + (kill.wipe ? " wipe" : "") }))
}

struct KillArguments: CommandArguments, Equatable {
    var node: Word
    var wipe: Bool
}

extension CommandKind {
    /// `kill NODE [wipe]`, as `chaos` and tests write it.
    static func kill(_ node: Word, wipe: Bool) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.kill, KillArguments(node: node, wipe: wipe)))
    }
}
