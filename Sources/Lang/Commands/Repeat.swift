extension CommandDeclaration {
    /// `repeat N { … }`: runs a block N times, `$i` the iteration.
    static let `repeat` = CommandDeclaration(
        word: "repeat", group: .inspection,
        usages: ["repeat N { … }"],
        summary: "run a block N times ($i is the iteration)",
        details: [
            "Runs the block N times; $i in a word or quoted string is the iteration of the",
            "innermost repeat, 1..N, in numbers and durations too (count $i, advance $is), read",
            "as each iteration runs. $i outside a repeat is an error.",
        ],
        example: ["repeat 3 { put user$i visits=$i }", "repeat 2 {", "  advance $is", "}"],
        parse: { _, args, _ throws(ScriptError) in throw args.needsBlock() },
        header: { args throws(ScriptError) in
            let count = try args.count("a count")
            try args.end()
            return .repeat(count)
        })
}
