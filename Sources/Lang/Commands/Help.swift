extension CommandDeclaration {
    /// `help [COMMAND]`: the overview, or one command's usage and example.
    static let help = CommandDeclaration(
        word: "help", group: .inspection,
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
            return parser.built(.help(topic), args, into: &table)
        },
        complete: { arguments, _ in arguments.isEmpty ? Vocabulary.commands : [] })
}
