extension CommandDeclaration {
    /// `repeat N { … }`: runs a block N times, `$i` the iteration.
    static let `repeat` = CommandDeclaration(
        word: "repeat", helpOrder: 280, group: .inspection,
        usages: ["repeat N { … }"],
        summary: "run a block N times ($i is the iteration)",
        details: [
            "Runs the block N times; $i in a word or quoted string is the iteration of the",
            "innermost repeat, 1..N, in numbers and durations too (count $i, advance $is), read",
            "as each iteration runs. $i outside a repeat is an error.",
        ],
        example: ["repeat 3 { put user$i visits=$i }", "repeat 2 {", "  advance $is", "}"],
        parse: { _, args, _ throws(ScriptError) in throw args.needsBlock() },
        // The entry's value: the count (flag `iterated`: its word holds `$i`); the body follows.
        header: { args throws(ScriptError) in
            let count = try args.count("a count")
            try args.end()
            return count.map { Int64($0) }
        },
        bindsIteration: true,
        read: { entry in RepeatArguments(count: entry.amount(Int(entry.value)), body: entry.body()) },
        // Only the commands it runs are recorded.
        behaviour: .of(RepeatArguments.self, recorded: false,
            run: { interpreter, _, arguments throws(ScriptError) in
                let count = try interpreter.value(arguments.count, .count)
                guard count > 0 else { return .next }
                for i in 1...count {
                    interpreter.iterations.append(i)
                    defer { interpreter.iterations.removeLast() }
                    if try interpreter.execute(arguments.body) == .quit { return .quit }
                }
                return .next
            },
            source: { arguments, word in
                "repeat \(sourceText(arguments.count, word) { "\($0)" }) " + sourceText(block: arguments.body, word)
            },
            nested: { arguments in arguments.body }))
}

/// `repeat`'s arguments.
public struct RepeatArguments: CommandArguments, Equatable {
    public var count: Amount<Int>
    public var body: [Command]
}

extension CommandKind {
    /// `repeat N { … }`, as tests write it.
    static func `repeat`(count: Amount<Int>, body: [Command]) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.repeat, RepeatArguments(count: count, body: body)))
    }
}
