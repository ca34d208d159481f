extension CommandDeclaration {
    /// `reconnect NAME`: the stream's client comes back and catches up.
    static let reconnect = CommandDeclaration(
        word: "reconnect", group: .streams,
        usages: ["reconnect NAME"],
        summary: "the stream's client comes back and catches up",
        details: [
            "Resumes after the last sequence number seen: collects reports, reads the selected",
            "fields as get does, merges by highest stamp and, if the values differ from the last",
            "view delivered, delivers one view of them. Nothing is duplicated or goes back.",
        ],
        example: ["disconnect s", "put Alice balance=5", "reconnect s", "expect stream s last balance=5"],
        parse: { parser, args, table throws(ScriptError) in try parser.oneStream(.reconnect, &args, into: &table) },
        complete: { arguments, context in arguments.isEmpty ? context.streams : [] })
}
