import Cluster

extension CommandDeclaration {
    /// `at TIME { … }`: schedules a block's commands at a virtual time.
    static let at = CommandDeclaration(
        word: "at", helpOrder: 210, group: .time,
        usages: ["at TIME { … }"],
        summary: "schedule commands at a virtual time",
        details: [
            "Schedules the block's commands to start at virtual time TIME (absolute) without",
            "waiting; they run concurrently once time advances, and their outcomes print when they",
            "complete. A block holds put, get, delete, add, remove, kill, restart, pause, resume,",
            "partition, isolate, heal and config; anything else in it is an error. A time already",
            "past is an error; blocks still pending at the end of a script are reported as not run.",
        ],
        example: ["at 5s { kill n2 }", "at 6s {", "  put Alice balance=1", "}", "advance 10s"],
        parse: { _, args, _ throws(ScriptError) in throw args.needsBlock() },
        // The entry's value: the time (flag `iterated`: its word holds `$i`); the body follows.
        header: { args throws(ScriptError) in
            let time = try args.duration("a time")
            try args.end()
            return time.map { $0 }
        },
        blockRestriction: "it holds put, get, delete, add, remove, kill, restart, pause, resume, partition, "
            + "isolate, heal and config",
        read: { entry in AtArguments(time: entry.amount(entry.value), block: entry.body()) },
        behaviour: .of(AtArguments.self,
            run: { interpreter, command, at throws(ScriptError) in
                try interpreter.schedule(command, at: try interpreter.value(at.time, .duration), at.block)
                return .next
            },
            source: { at, word in "at \(sourceText(at.time, word, Durations.text)) " + sourceText(block: at.block, word) },
            nested: { at in at.block },
            // Checked when the block is scheduled, under the iterations it will run with.
            checkSubstituted: { interpreter, at throws(ScriptError) in
                for command in at.block { try interpreter.checkSubstitutedFields(command) }
            }))
}

/// `at`'s arguments.
public struct AtArguments: CommandArguments, Equatable {
    public var time: Amount<Micros>
    public var block: [Command]
}

extension CommandKind {
    /// `at TIME { … }`, as `chaos` and tests write it.
    static func at(time: Amount<Micros>, block: [Command]) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.at, AtArguments(time: time, block: block)))
    }
}
