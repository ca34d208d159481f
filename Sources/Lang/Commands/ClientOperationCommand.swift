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
    /// Reads a `KeyFieldsArguments` entry (`CommandParser.keyAndFields`): key, fields, `via` node.
    static let readKeyFields: Read = { entry in
        let key = entry.word(0), fields = entry.words(after: 1)
        return KeyFieldsArguments(key: key, fields: fields, via: entry.via())
    }

    /// `VERB KEY [FIELD…] [via NODE]` written back.
    static func keyFieldsSource(_ verb: String) -> @Sendable (KeyFieldsArguments, (Word) -> String) -> String {
        { arguments, word in
            ([verb, Formatting.word(word(arguments.key)), sourceText(words: arguments.fields, word)]
                .filter { !$0.isEmpty }.joined(separator: " ")) + sourceText(via: arguments.via, word)
        }
    }

    /// After `get` or `delete`: keys, then the key's fields and `via`, then nodes.
    static let completeKeyFields: Complete = { arguments, context in
        if let node = context.afterVia(arguments) { return node }
        return arguments.isEmpty ? context.keys : context.fields(of: arguments[0]) + ["via"]
    }
}
