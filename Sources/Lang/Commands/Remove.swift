extension CommandDeclaration {
    /// `remove NODE`: graceful leave.
    static let remove = CommandDeclaration(
        word: "remove", group: .cluster,
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
        parse: { parser, args, table throws(ScriptError) in try parser.oneNode(.remove, &args, into: &table) },
        complete: { arguments, context in arguments.isEmpty ? context.nodes : [] })
}
