extension CommandDeclaration {
    /// `quit`: leaves the REPL, or ends a file's run.
    static let quit = CommandDeclaration(
        word: "quit", helpOrder: 310, group: .inspection,
        usages: ["quit"],
        summary: "leave the REPL (in a file: end its run)",
        details: [
            "Leaves the REPL (so does Ctrl-D); in a file, ends that file's run.",
        ],
        example: ["quit"],
        parse: { parser, args, table throws(ScriptError) in
            try args.end()
            return parser.declared(QuitArguments(), args, into: &table)
        },
        behaviour: .of(QuitArguments.self, run: { _, _, _ in .quit }, source: { _, _ in "quit" }))
}

struct QuitArguments: CommandArguments, Equatable {}
