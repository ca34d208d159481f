import Cluster

extension CommandDeclaration {
    /// `seed N`: reseeds the simulation.
    static let seed = CommandDeclaration(
        word: "seed", helpOrder: 20, group: .cluster,
        usages: ["seed N"],
        summary: "reseed the simulation",
        details: [
            "Reseeds the simulation (N from 0 to 2^64−1): every random stream is derived again from N.",
        ],
        example: ["seed 42"],
        parse: { parser, args, table throws(ScriptError) in
            let seed = parser.amount(try args.seed())
            try args.end()
            return parser.declared(SeedArguments(seed: seed), args, into: &table)
        },
        behaviour: .of(SeedArguments.self,
            run: { interpreter, _, arguments throws(ScriptError) in
                interpreter.cluster.reseed(try interpreter.value(arguments.seed, .seed))
                return .next
            },
            source: { arguments, word in "seed " + sourceText(arguments.seed, word) { "\($0)" } }))
}

struct SeedArguments: CommandArguments, Equatable {
    var seed: Amount<UInt64>
}
