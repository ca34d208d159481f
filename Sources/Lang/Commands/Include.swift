extension CommandDeclaration {
    /// `include FILE`: runs another script in place.
    static let include = CommandDeclaration(
        word: "include", helpOrder: 290, group: .inspection,
        usages: ["include FILE"],
        summary: "run another script in place",
        details: [
            "Runs another script in place, on the same cluster and settings. FILE (bare or quoted,",
            "no $i) is relative to the including file.",
        ],
        example: ["include setup/five-nodes.kvs"],
        parse: { parser, args, table throws(ScriptError) in
            let token = try args.required("a file")
            guard token.kind == .word else { throw args.unexpected(token, expected: "a file") }
            try args.end()
            let path = parser.file.word(token.word)
            if path.text.holdsIteration {
                throw ScriptError("an include path cannot hold `$i`: includes are resolved before the script runs",
                                  at: parser.file.range(token))
            }
            let script = try parser.resolveInclude(path, parser.includeDepth)
            return parser.declared(IncludeArguments(path: path, script: script), args, into: &table)
        },
        // An include is recorded as the commands it runs.
        behaviour: .of(IncludeArguments.self, recorded: false,
            run: { interpreter, _, include throws(ScriptError) in
                // `quit` in an included file ends that file's run only.
                _ = try interpreter.execute(include.script.commands)
                return .next
            },
            checkNames: { checker, include, _ throws(ScriptError) in try checker.check(include.script) },
            source: { include, _ in "include " + Formatting.word(include.path.text) },
            nested: { include in Array(include.script.commands) }))
}

/// The path as written, and the script it names, parsed and resolved before anything runs.
struct IncludeArguments: CommandArguments, Equatable {
    var path: Word
    var script: Script
}
