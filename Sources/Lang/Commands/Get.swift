import Cluster

extension CommandDeclaration {
    /// `get KEY [FIELD…] [via NODE]`: a read.
    static let get = CommandDeclaration(
        word: "get", helpOrder: 130, group: .client,
        usages: ["get KEY [FIELD…] [via NODE]"],
        summary: "read (all or some fields) with `read` replies",
        details: [
            "Reads with `read` replies, merges them by highest stamp and repairs stale replicas.",
            "With FIELDs, shows only those fields.",
        ],
        example: ["get Alice", "get Alice balance via n3"],
        keywords: ["via"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in try parser.keyAndFields(&args, into: &table) },
        read: readKeyFields,
        complete: completeKeyFields,
        behaviour: .clientOperation(KeyFieldsArguments.self,
            request: { get, text in .get(key: text(get.key), fields: get.fields.map(text), via: get.via.map(text)) },
            words: { get in [get.key] + (get.via.map { [$0] } ?? []) },
            source: keyFieldsSource("get"),
            checkSubstituted: { interpreter, get throws(ScriptError) in
                try interpreter.checkSubstituted(get.fields, listed: true)
            }))
}

extension CommandKind {
    /// `get KEY [FIELD…] [via NODE]`, as `chaos` and tests write it.
    static func get(key: Word, fields: [Word], via: Word?) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.get, KeyFieldsArguments(key: key, fields: fields, via: via)))
    }
}
