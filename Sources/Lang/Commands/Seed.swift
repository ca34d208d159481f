extension CommandDeclaration {
    /// `seed N`: reseeds the simulation.
    static let seed = CommandDeclaration(
        word: "seed", group: .cluster,
        usages: ["seed N"],
        summary: "reseed the simulation",
        details: [
            "Reseeds the simulation (N from 0 to 2^64−1): every random stream is derived again from N.",
        ],
        example: ["seed 42"],
        parse: { parser, args, table throws(ScriptError) in
            let firstWord = table.nextWord
            let seed = try args.seed()
            try args.end()
            return parser.entry(.seed, args, from: firstWord, seed, into: &table) { Int64(bitPattern: $0) }
        })
}
