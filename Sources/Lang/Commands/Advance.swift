import Cluster

extension CommandDeclaration {
    /// `advance DURATION`: lets virtual time pass.
    static let advance = CommandDeclaration(
        word: "advance", helpOrder: 190, group: .time,
        usages: ["advance DURATION"],
        summary: "let virtual time pass",
        details: [
            "Lets virtual time pass: gossip, failure detection, hinted handoff, anti-entropy and",
            "rebalancing go on. Durations: 250ms, 2s, 1.5s, 1m, 2h (up to 1000h).",
        ],
        example: ["kill n2", "advance 20s"],
        parse: { parser, args, table throws(ScriptError) in
            let duration = parser.amount(try args.duration())
            try args.end()
            return parser.declared(AdvanceArguments(duration: duration), args, into: &table)
        },
        behaviour: .of(AdvanceArguments.self,
            run: { interpreter, _, arguments throws(ScriptError) in
                interpreter.cluster.advance(by: try interpreter.value(arguments.duration, .duration))
                return .next
            },
            source: { arguments, word in "advance " + sourceText(arguments.duration, word, Durations.text) }))
}

struct AdvanceArguments: CommandArguments, Equatable {
    var duration: Amount<Micros>
}

extension CommandKind {
    /// `advance DURATION`, as `chaos` runs it.
    static func advance(_ duration: Amount<Micros>) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.advance, AdvanceArguments(duration: duration)))
    }
}
