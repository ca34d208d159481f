extension CommandDeclaration {
    /// `delete KEY [FIELD…] [via NODE]`: deletes fields, or the whole object.
    static let delete = CommandDeclaration(
        word: "delete", group: .client,
        usages: ["delete KEY [FIELD…] [via NODE]"],
        summary: "delete fields, or the whole object",
        details: [
            "Deletes the named fields, or the whole object, with tombstones. An object whose every",
            "field is deleted reads as absent.",
        ],
        example: ["delete Alice balance", "delete Alice"],
        keywords: ["via"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in try parser.keyAndFields(.delete, &args, into: &table) },
        complete: { arguments, context in
            if let node = context.afterVia(arguments) { return node }
            return arguments.isEmpty ? context.keys : context.fields(of: arguments[0]) + ["via"]
        })
}
