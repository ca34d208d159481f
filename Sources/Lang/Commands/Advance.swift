extension CommandDeclaration {
    /// `advance DURATION`: lets virtual time pass.
    static let advance = CommandDeclaration(
        word: "advance", group: .time,
        usages: ["advance DURATION"],
        summary: "let virtual time pass",
        details: [
            "Lets virtual time pass: gossip, failure detection, hinted handoff, anti-entropy and",
            "rebalancing go on. Durations: 250ms, 2s, 1.5s, 1m, 2h (up to 1000h).",
        ],
        example: ["kill n2", "advance 20s"],
        parse: { parser, args, table throws(ScriptError) in
            let firstWord = table.nextWord
            let duration = try args.duration()
            try args.end()
            return parser.entry(.advance, args, from: firstWord, duration, into: &table) { $0 }
        })
}
