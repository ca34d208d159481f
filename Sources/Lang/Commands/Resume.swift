extension CommandDeclaration {
    /// `resume NODE`: a paused node goes on.
    static let resume = CommandDeclaration(
        word: "resume", group: .cluster,
        usages: ["resume NODE"],
        summary: "unfreeze a paused node",
        details: [
            "A paused node goes on with its state, handling the messages that waited.",
        ],
        example: ["pause n1", "advance 3s", "resume n1"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in try parser.oneNode(.resume, &args, into: &table) },
        complete: { arguments, context in arguments.isEmpty ? context.nodes : [] })
}
