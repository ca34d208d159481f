extension CommandDeclaration {
    /// `heal`: removes every partition and isolation.
    static let heal = CommandDeclaration(
        word: "heal", helpOrder: 110, group: .cluster,
        usages: ["heal"],
        summary: "remove every partition and isolation",
        details: [
            "Removes every partition and isolation.",
        ],
        example: ["partition n1 | n2 n3", "heal"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in
            try args.end()
            return parser.declared(HealArguments(), args, into: &table)
        },
        behaviour: .of(HealArguments.self,
            run: { interpreter, _, _ in
                interpreter.cluster.heal()
                return .next
            },
            source: { _, _ in "heal" }))
}

struct HealArguments: CommandArguments, Equatable {}

extension CommandKind {
    /// `heal`, as `chaos` and tests write it.
    static var heal: CommandKind { .declared(DeclaredCommand(CommandDeclaration.heal, HealArguments())) }
}
