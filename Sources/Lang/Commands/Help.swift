extension CommandDeclaration {
    /// `help [COMMAND]`: the overview, or one command's usage and example.
    static let help = CommandDeclaration(
        word: "help", helpOrder: 300, group: .inspection,
        usages: ["help [COMMAND]"],
        summary: "list commands, or explain one",
        details: [
            "Without a word, lists every command; with one, shows its usage and an example.",
        ],
        example: ["help", "help expect"],
        parse: { parser, args, table throws(ScriptError) in
            var topic: Word?
            if let token = args.next() {
                guard token.kind == .word else { throw args.unexpected(token, expected: "a command") }
                topic = parser.file.word(token.word)
            }
            try args.end()
            return parser.declared(HelpArguments(topic: topic), args, into: &table)
        },
        complete: { arguments, _ in arguments.isEmpty ? Vocabulary.commands : [] },
        behaviour: .of(HelpArguments.self, recorded: false,
            run: { interpreter, _, help throws(ScriptError) in
                guard let topic = help.topic else {
                    interpreter.session.emit(.normal, HelpText.overview)
                    return .next
                }
                let name = interpreter.text(topic)
                guard let text = HelpText.command(name) else {
                    throw ScriptError("no help for `\(name)`: not a command", at: topic.range,
                                      suggestion: Suggest.nearest(name, in: Vocabulary.commands))
                }
                interpreter.session.emit(.normal, text)
                return .next
            },
            source: { help, word in help.topic.map { "help " + Formatting.word(word($0)) } ?? "help" }))
}

struct HelpArguments: CommandArguments, Equatable {
    var topic: Word?
}
