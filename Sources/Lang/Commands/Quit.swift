extension CommandDeclaration {
    /// `quit`: leaves the REPL, or ends a file's run.
    static let quit = CommandDeclaration(
        word: "quit", group: .inspection,
        usages: ["quit"],
        summary: "leave the REPL (in a file: end its run)",
        details: [
            "Leaves the REPL (so does Ctrl-D); in a file, ends that file's run.",
        ],
        example: ["quit"],
        parse: { parser, args, table throws(ScriptError) in
            try args.end()
            return parser.entry(.quit, args, from: table.nextWord, into: &table)
        })
}
