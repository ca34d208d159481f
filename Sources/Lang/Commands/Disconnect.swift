extension CommandDeclaration {
    /// `disconnect NAME`: the stream's client goes away.
    static let disconnect = CommandDeclaration(
        word: "disconnect", group: .streams,
        usages: ["disconnect NAME"],
        summary: "the stream's client goes away",
        details: [
            "The stream's client goes away: reports for it are dropped until reconnect.",
        ],
        example: ["disconnect s", "put Alice balance=5", "reconnect s"],
        parse: { parser, args, table throws(ScriptError) in try parser.oneStream(.disconnect, &args, into: &table) },
        complete: { arguments, context in arguments.isEmpty ? context.streams : [] })
}
