extension CommandDeclaration {
    /// `stream NAME KEY FIELD… [initial]`: opens a live query.
    static let stream = CommandDeclaration(
        word: "stream", group: .streams,
        usages: ["stream NAME KEY FIELD… [initial]"],
        summary: "open a named live query on fields of a key",
        details: [
            "Opens a live query on the selected fields of KEY (the key need not exist yet). Runs",
            "until the registration is stored on `write` replicas (failing, like a put, on a",
            "timeout) and reads the starting view; views then follow changes to it, each printed",
            "with the stream's name, a sequence number, the key and the view.",
            "initial also delivers the starting view first.",
        ],
        example: ["stream s Alice balance", "put Alice balance=110", "expect stream s next balance=110"],
        keywords: ["initial"],
        parse: { parser, args, table throws(ScriptError) in
            let firstWord = table.nextWord
            let initial = args.takeFlag("initial") != nil
            table.append(word: try args.stream())
            table.append(word: try args.key())
            if try parser.fields(&args, into: &table) == 0 { throw args.missing("at least one field name") }
            return parser.entry(.stream, args, from: firstWord, initial ? .initial : [], into: &table)
        },
        complete: { arguments, context in
            switch arguments.count {
            case 0: return []                  // a new stream's name
            case 1: return context.keys
            default: return context.fields(of: arguments[1]) + ["initial"]
            }
        })
}
