import Cluster

extension CommandDeclaration {
    /// `delete KEY [FIELD…] [via NODE]`: deletes fields, or the whole object.
    static let delete: CommandDeclaration = keyFields(
        "delete", helpOrder: 140,
        summary: "delete fields, or the whole object",
        details: [
            "Deletes the named fields, or the whole object, with tombstones. An object whose every",
            "field is deleted reads as absent.",
        ],
        example: ["delete Alice balance", "delete Alice"]
    ) { key, fields, via in .delete(key: key, fields: fields, via: via) }
}

extension CommandKind {
    /// `delete KEY [FIELD…] [via NODE]`, as `chaos` and tests write it.
    static func delete(key: Word, fields: [Word], via: Word?) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.delete, KeyFieldsArguments(key: key, fields: fields, via: via)))
    }
}
