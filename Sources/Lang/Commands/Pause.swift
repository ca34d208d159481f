extension CommandDeclaration {
    /// `pause NODE`: the node freezes.
    static let pause = CommandDeclaration(
        word: "pause", group: .cluster,
        usages: ["pause NODE"],
        summary: "freeze a node (messages to it wait)",
        details: [
            "The node freezes: it sends nothing and its timers stop; messages that reach it wait,",
            "in order, and are handled after resume.",
        ],
        example: ["pause n1", "advance 3s", "resume n1"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in try parser.oneNode(.pause, &args, into: &table) },
        complete: { arguments, context in arguments.isEmpty ? context.nodes : [] })
}
