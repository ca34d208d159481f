extension CommandDeclaration {
    /// `include FILE`: runs another script in place.
    static let include = CommandDeclaration(
        word: "include", group: .inspection,
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
            return parser.built(.include(path: path, script: script), args, into: &table)
        })
}
