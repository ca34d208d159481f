extension CommandDeclaration {
    /// `trace on|off`: the message-level log.
    static let trace = CommandDeclaration(
        word: "trace", helpOrder: 270, group: .inspection,
        usages: ["trace on|off"],
        summary: "message-level log on or off",
        details: [
            "Prints every simulated message (send, deliver, drop), as --trace does.",
        ],
        example: ["trace on", "put Alice a=1", "trace off"],
        keywords: ["on", "off"],
        parse: { parser, args, table throws(ScriptError) in
            let (state, _) = try args.choice("`on` or `off`", ["on", "off"])
            try args.end()
            return parser.declared(TraceArguments(on: state == "on"), args, into: &table)
        },
        complete: { arguments, _ in arguments.isEmpty ? ["on", "off"] : [] },
        behaviour: .of(TraceArguments.self,
            run: { interpreter, _, trace in
                interpreter.cluster.tracing = trace.on
                return .next
            },
            source: { trace, _ in trace.on ? "trace on" : "trace off" }))
}

struct TraceArguments: CommandArguments, Equatable {
    var on: Bool
}
