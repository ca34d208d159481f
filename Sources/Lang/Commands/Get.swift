extension CommandDeclaration {
    /// `get KEY [FIELD…] [via NODE]`: a read.
    static let get = CommandDeclaration(
        word: "get", group: .client,
        usages: ["get KEY [FIELD…] [via NODE]"],
        summary: "read (all or some fields) with `read` replies",
        details: [
            "Reads with `read` replies, merges them by highest stamp and repairs stale replicas.",
            "With FIELDs, shows only those fields.",
        ],
        example: ["get Alice", "get Alice balance via n3"],
        keywords: ["via"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in try parser.keyAndFields(.get, &args, into: &table) },
        complete: { arguments, context in
            if let node = context.afterVia(arguments) { return node }
            return arguments.isEmpty ? context.keys : context.fields(of: arguments[0]) + ["via"]
        })
}
