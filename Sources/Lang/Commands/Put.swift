import Cluster

extension CommandDeclaration {
    /// `put KEY field=value… [via NODE]`: a sparse update.
    static let put = CommandDeclaration(
        word: "put", helpOrder: 120, group: .client,
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
        // Words: the key, field and value pairs, then the node of a `via` (flag `via`).
        parse: { parser, args, table throws(ScriptError) in
            let firstWord = table.nextWord
            let node = try args.takeVia()
            table.append(word: try args.key())
            if try parser.assignments(&args, into: &table) == 0 { throw args.missing("at least one field=value") }
            let flags = parser.append(via: node, into: &table)
            return parser.entry(args, names: .via, from: firstWord, flags, into: &table)
        },
        read: { entry in
            let key = entry.word(0), fields = entry.assignments(after: 1)
            return PutArguments(key: key, fields: fields, via: entry.via())
        },
        complete: { arguments, context in
            if let node = context.afterVia(arguments) { return node }
            guard let key = arguments.first else { return context.keys }
            return context.assignments(of: key, except: arguments) + ["via"]
        },
        behaviour: .clientOperation(PutArguments.self,
            request: { put, text in
                .put(key: text(put.key), fields: put.fields.map { FieldValue(text($0.field), text($0.value)) },
                     via: put.via.map(text))
            },
            words: { put in [put.key] + (put.via.map { [$0] } ?? []) },
            source: { put, word in
                "put \(Formatting.word(word(put.key))) \(sourceText(put.fields, word))" + sourceText(via: put.via, word)
            },
            checkSubstituted: { interpreter, put throws(ScriptError) in
                try interpreter.checkSubstituted(put.fields.lazy.map(\.field), listed: false)
            }))
}

/// `put`'s arguments.
public struct PutArguments: CommandArguments, Equatable {
    public var key: Word
    public var fields: [Assignment]
    public var via: Word?
}

extension CommandKind {
    /// `put KEY field=value… [via NODE]`, as `chaos` and tests write it.
    static func put(key: Word, fields: [Assignment], via: Word?) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.put, PutArguments(key: key, fields: fields, via: via)))
    }
}
