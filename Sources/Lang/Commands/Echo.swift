extension CommandDeclaration {
    /// `echo WORD…`: prints the words.
    static let echo = CommandDeclaration(
        word: "echo", helpOrder: 260, group: .inspection,
        usages: ["echo WORD…"],
        summary: "print the words",
        details: [
            "Prints the words, separated by one blank.",
        ],
        example: ["echo \"phase 2: kill a node\""],
        parse: { parser, args, table throws(ScriptError) in
            let file = parser.file
            var words: [Word] = []
            words.reserveCapacity(args.rest.count)
            var reader = SourceReader(file: file)
            while let token = args.next() {
                if token.kind == .assignment, let value = token.value {
                    words.append(Word("\(file.text(token.word))=\(file.text(value))", at: reader.range(token),
                                      quoted: value.quoted))
                } else {
                    words.append(reader.word(token.word))
                }
            }
            return parser.declared(EchoArguments(words: words), args, into: &table)
        },
        behaviour: .of(EchoArguments.self,
            run: { interpreter, _, echo in
                interpreter.session.emit(.normal, echo.words.map(interpreter.text).joined(separator: " "))
                return .next
            },
            source: { echo, word in (["echo"] + echo.words.map { Formatting.word(word($0)) }).joined(separator: " ") }))
}

/// `echo`'s words (a `field=value` is one word).
struct EchoArguments: CommandArguments, Equatable {
    var words: [Word]
}
