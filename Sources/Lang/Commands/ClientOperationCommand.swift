import Cluster

extension CommandBehaviour {
    /// The behaviour of a client operation (`put`, `get`, `delete`): it runs the request that
    /// `request` makes of its arguments to completion and prints the outcome, `expect ok` and
    /// `expect fail` judge that outcome, and in an `at` block it starts and prints its outcome when
    /// it completes. Its names are checked on its table entry (`NameUse.via`).
    static func clientOperation<Arguments: CommandArguments>(
        _ type: Arguments.Type,
        request: @escaping @Sendable (Arguments, (Word) -> String) -> ClientRequest,
        words: @escaping @Sendable (Arguments) -> [Word],
        source: @escaping @Sendable (Arguments, (Word) -> String) -> String,
        checkSubstituted: @escaping @Sendable (Interpreter, Arguments) throws(ScriptError) -> Void
    ) -> CommandBehaviour {
        .of(type,
            run: { interpreter, command, arguments throws(ScriptError) in
                _ = try interpreter.clientOperation(command, request(arguments) { interpreter.text($0) }, words(arguments))
                return .next
            },
            source: source,
            startInBlock: { interpreter, command, arguments throws(ScriptError) in
                try interpreter.submit(command, request(arguments) { interpreter.text($0) }, words(arguments))
            },
            checkSubstituted: checkSubstituted,
            outcome: { interpreter, command, arguments throws(ScriptError) in
                try interpreter.clientOperation(command, request(arguments) { interpreter.text($0) }, words(arguments))
            })
    }
}

/// The arguments of `get` and `delete`: `VERB KEY [FIELD…] [via NODE]`.
public struct KeyFieldsArguments: CommandArguments, Equatable {
    public var key: Word
    public var fields: [Word]
    public var via: Word?
}

extension CommandDeclaration {
    /// A client operation of the form `WORD KEY [FIELD…] [via NODE]` (`get`, `delete`): its parsing,
    /// reading back, completion, source and field check are the same but for the request it makes.
    static func keyFields(_ word: String, helpOrder: Int, summary: String, details: [String], example: [String],
                          request: @escaping @Sendable (_ key: String, _ fields: [String], _ via: String?) -> ClientRequest)
        -> CommandDeclaration {
        CommandDeclaration(
            word: word, helpOrder: helpOrder, group: .client,
            usages: ["\(word) KEY [FIELD…] [via NODE]"],
            summary: summary,
            details: details,
            example: example,
            keywords: ["via"],
            runsInAtBlock: true,
            parse: { parser, args, table throws(ScriptError) in try parser.keyAndFields(&args, into: &table) },
            read: { entry in
                let key = entry.word(0), fields = entry.words(after: 1)
                return KeyFieldsArguments(key: key, fields: fields, via: entry.via())
            },
            complete: { arguments, context in
                if let node = context.afterVia(arguments) { return node }
                return arguments.isEmpty ? context.keys : context.fields(of: arguments[0]) + ["via"]
            },
            behaviour: .clientOperation(KeyFieldsArguments.self,
                request: { arguments, text in
                    request(text(arguments.key), arguments.fields.map(text), arguments.via.map(text))
                },
                words: { arguments in [arguments.key] + (arguments.via.map { [$0] } ?? []) },
                source: { arguments, text in
                    ([word, Formatting.word(text(arguments.key)), sourceText(words: arguments.fields, text)]
                        .filter { !$0.isEmpty }.joined(separator: " ")) + sourceText(via: arguments.via, text)
                },
                checkSubstituted: { interpreter, arguments throws(ScriptError) in
                    try interpreter.checkSubstituted(arguments.fields, listed: true)
                }))
    }
}
