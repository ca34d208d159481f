extension CommandDeclaration {
    /// A stream command of the form `WORD NAME` (`close`, `disconnect`, `reconnect`): its
    /// parsing, completion and source are shared; each command gives its help, the streams Tab
    /// offers after it, how it runs (with the stream's name as written) and how it checks the
    /// name before the script runs.
    static func oneStream(
        _ word: String, helpOrder: Int, summary: String, details: [String], example: [String],
        offers: @escaping @Sendable (CompletionContext) -> [String],
        checkName: @escaping @Sendable (inout NameChecker, Word) throws(ScriptError) -> Void,
        run: @escaping @Sendable (Interpreter, Command, Word) throws(ScriptError) -> Void
    ) -> CommandDeclaration {
        CommandDeclaration(
            word: word, helpOrder: helpOrder, group: .streams,
            usages: ["\(word) NAME"],
            summary: summary,
            details: details,
            example: example,
            parse: { parser, args, table throws(ScriptError) in
                let name = parser.file.word(try args.stream())
                try args.end()
                return parser.declared(StreamNameArguments(name: name), args, into: &table)
            },
            complete: { arguments, context in arguments.isEmpty ? offers(context) : [] },
            behaviour: .of(StreamNameArguments.self,
                run: { interpreter, command, arguments throws(ScriptError) in
                    try run(interpreter, command, arguments.name)
                    return .next
                },
                checkNames: { checker, arguments, _ throws(ScriptError) in try checkName(&checker, arguments.name) },
                source: { arguments, text in "\(word) " + Formatting.word(text(arguments.name)) }))
    }
}
