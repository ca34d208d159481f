extension CommandDeclaration {
    /// `heal`: removes every partition and isolation.
    static let heal = CommandDeclaration(
        word: "heal", group: .cluster,
        usages: ["heal"],
        summary: "remove every partition and isolation",
        details: [
            "Removes every partition and isolation.",
        ],
        example: ["partition n1 | n2 n3", "heal"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in
            try args.end()
            return parser.entry(.heal, args, from: table.nextWord, into: &table)
        })
}
