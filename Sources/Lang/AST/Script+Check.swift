/// Whether a script judges its history: a file run without `check` (and without `--record`)
/// needs no record of its client operations, and holding every one of them cost a long script
/// about 320 bytes a command (docs/decisions.md, "Running": history is kept only where something reads it).
extension Script {
    /// Whether a `check` appears anywhere: in a block's body or an included file too.
    public var containsCheck: Bool {
        // `check` is a built command of the table, in a block's body too.
        table.built.contains { $0.containsCheck }
    }
}

extension Command {
    var containsCheck: Bool {
        declared.declaration === CommandDeclaration.check
            || declared.declaration.behaviour.nested(declared.arguments).contains { $0.containsCheck }
    }
}
