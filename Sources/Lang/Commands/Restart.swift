extension CommandDeclaration {
    /// `restart NODE`: a killed node starts again.
    static let restart = CommandDeclaration(
        word: "restart", group: .cluster,
        usages: ["restart NODE"],
        summary: "start a killed node again with what its disk kept",
        details: [
            "A killed node starts again with what its disk kept (nothing after wipe), rejoins and",
            "catches up. Restarting a node that is not killed is an error.",
        ],
        example: ["kill n2", "advance 5s", "restart n2"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in try parser.oneNode(.restart, &args, into: &table) },
        complete: { arguments, context in arguments.isEmpty ? context.nodes : [] })
}
