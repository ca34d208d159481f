import Cluster

extension CommandDeclaration {
    /// `delete KEY [FIELD…] [via NODE]`: deletes fields, or the whole object.
    static let delete = CommandDeclaration(
        word: "delete", helpOrder: 140, group: .client,
        usages: ["delete KEY [FIELD…] [via NODE]"],
        summary: "delete fields, or the whole object",
        details: [
            "Deletes the named fields, or the whole object, with tombstones. An object whose every",
            "field is deleted reads as absent.",
        ],
        example: ["delete Alice balance", "delete Alice"],
        keywords: ["via"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in try parser.keyAndFields(&args, into: &table) },
        read: readKeyFields,
        complete: completeKeyFields,
        behaviour: .clientOperation(KeyFieldsArguments.self,
            request: { delete, text in .delete(key: text(delete.key), fields: delete.fields.map(text), via: delete.via.map(text)) },
            words: { delete in [delete.key] + (delete.via.map { [$0] } ?? []) },
            source: keyFieldsSource("delete"),
            checkSubstituted: { interpreter, delete throws(ScriptError) in
                try interpreter.checkSubstituted(delete.fields, listed: true)
            }))
}

extension CommandKind {
    /// `delete KEY [FIELD…] [via NODE]`, as `chaos` and tests write it.
    static func delete(key: Word, fields: [Word], via: Word?) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.delete, KeyFieldsArguments(key: key, fields: fields, via: via)))
    }
}
