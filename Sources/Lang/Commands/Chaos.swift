extension CommandDeclaration {
    /// `chaos DURATION [ops=N] [keys=K] [streams=S]`: a fault campaign drawn from the seed.
    static let chaos = CommandDeclaration(
        word: "chaos", group: .faults,
        usages: ["chaos DURATION [ops=N] [keys=K] [streams=S]"],
        summary: "random operations and faults, drawn from the seed",
        shortUsage: "chaos DURATION [ops=N] [keys=K] …",
        details: [
            "For DURATION of virtual time, runs N concurrent puts, gets and deletes (default 200",
            "ops on 20 keys) on its own keys chaos-k1 … chaos-kK (fields f1 … f3) while injecting",
            "random faults (kill/restart, pause/resume, partitions/isolation/heal), all drawn from",
            "the seed. Opens S streams chaos-s1 … first. Ends with every fault healed and every",
            "node running, and prints a summary. It never wipes a disk.",
        ],
        example: ["add n1 n2 n3 n4 n5", "chaos 2m ops=500 keys=10 streams=2", "check"],
        optionNames: chaosOptions,
        parse: { parser, args, table throws(ScriptError) in
            parser.built(.chaos(try options(parser, &args)), args, into: &table)
        },
        complete: { arguments, _ in arguments.isEmpty ? [] : chaosOptions.map { $0 + "=" } })

    /// The option names of `chaos`.
    static let chaosOptions = ["ops", "keys", "streams"]

    private static func options(_ parser: CommandParser, _ args: inout Arguments) throws(ScriptError) -> ChaosArguments {
        let file = parser.file
        var options = ChaosArguments(duration: parser.amount(try args.duration()))
        while let token = args.next() {
            guard token.kind == .assignment, let value = token.value else {
                throw args.unexpected(token, expected: "ops=N, keys=K or streams=S")
            }
            let option = file.text(token.word)
            guard chaosOptions.contains(option) else {
                throw ScriptError("unknown chaos option `\(option)`: expected ops=N, keys=K or streams=S",
                                  at: file.range(token.word), suggestion: Suggest.nearest(option, in: chaosOptions))
            }
            let text = file.text(value)
            let count: Amount<Int>
            if text.holdsIteration {
                count = .iterated(file.word(value))
            } else {
                let form = option == "keys" ? ValueForm.chaosKeys : .count
                guard let read = form.read(text) else { throw args.badValue(token, form.expected, for: option) }
                count = .value(read)
            }
            switch option {
            case "ops": options.ops = count
            case "keys": options.keys = count
            default: options.streams = count
            }
        }
        return options
    }
}
