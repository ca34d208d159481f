extension CommandDeclaration {
    /// `put KEY field=value… [via NODE]`: a sparse update.
    static let put = CommandDeclaration(
        word: "put", group: .client,
        usages: ["put KEY field=value… [via NODE]"],
        summary: "sparse update of the named fields",
        details: [
            "Only the named fields change; needs `write` acks. The request goes to NODE with via,",
            "else to the first running node of the key's preference list. Values are strings",
            "(balance=100 is balance=\"100\"); an empty value must be quoted (a=\"\").",
        ],
        example: ["put Alice balance=100 name=\"Alice Smith\"", "put Alice balance=110 via n2"],
        keywords: ["via"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in
            let firstWord = table.nextWord
            let node = try args.takeVia()
            table.append(word: try args.key())
            if try parser.assignments(&args, into: &table) == 0 { throw args.missing("at least one field=value") }
            let flags = parser.append(via: node, into: &table)
            return parser.entry(.put, args, from: firstWord, flags, into: &table)
        },
        complete: { arguments, context in
            if let node = context.afterVia(arguments) { return node }
            guard let key = arguments.first else { return context.keys }
            return context.assignments(of: key, except: arguments) + ["via"]
        })
}
