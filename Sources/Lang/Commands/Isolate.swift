extension CommandDeclaration {
    /// `isolate NODE`: cuts the node off from every other node.
    static let isolate = CommandDeclaration(
        word: "isolate", group: .cluster,
        usages: ["isolate NODE"],
        summary: "cut a node off from every other node",
        details: [
            "Cuts NODE off from every other node (the client still reaches it).",
        ],
        example: ["isolate n3", "advance 10s", "heal"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in try parser.oneNode(.isolate, &args, into: &table) },
        complete: { arguments, context in arguments.isEmpty ? context.nodes : [] })
}
