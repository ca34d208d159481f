import Cluster

extension CommandDeclaration {
    /// `get KEY [FIELD…] [via NODE]`: a read.
    static let get: CommandDeclaration = keyFields(
        "get", helpOrder: 130,
        summary: "read (all or some fields) with `read` replies",
        details: [
            "Reads with `read` replies, merges them by highest stamp and repairs stale replicas.",
            "With FIELDs, shows only those fields.",
        ],
        example: ["get Alice", "get Alice balance via n3"]
    ) { key, fields, via in .get(key: key, fields: fields, via: via) }
}

extension CommandKind {
    /// `get KEY [FIELD…] [via NODE]`, as `chaos` and tests write it.
    static func get(key: Word, fields: [Word], via: Word?) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.get, KeyFieldsArguments(key: key, fields: fields, via: via)))
    }
}
