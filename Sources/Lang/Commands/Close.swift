extension CommandDeclaration {
    /// `close NAME`: closes a stream.
    static let close = CommandDeclaration(
        word: "close", group: .streams,
        usages: ["close NAME"],
        summary: "close a stream",
        details: [
            "Closes the stream. A name reopened after close starts again at sequence 1.",
        ],
        example: ["stream s Alice balance", "close s"],
        parse: { parser, args, table throws(ScriptError) in try parser.oneStream(.close, &args, into: &table) },
        complete: { arguments, context in arguments.isEmpty ? context.streams : [] })
}
