extension CommandDeclaration {
    /// `at TIME { … }`: schedules a block's commands at a virtual time.
    static let at = CommandDeclaration(
        word: "at", group: .time,
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
        header: { args throws(ScriptError) in
            let time = try args.duration("a time")
            try args.end()
            return .at(time)
        })
}
