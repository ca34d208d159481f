/// Whether a script judges its history: a file run without `check` (and without `--record`)
/// needs no record of its client operations, and holding every one of them cost a long script
/// about 320 bytes a command (docs/decisions.md, "Running": history is kept only where something reads it).
extension Script {
    /// Whether a `check` appears anywhere: in a block's body or an included file too.
    public var containsCheck: Bool {
        // Every declared command, in a block's body too, is one of the table's built commands.
        table.built.contains { $0.kind.containsCheck }
    }
}

extension CommandKind {
    var containsCheck: Bool {
        switch self {
        case .declared(let declared):
            declared.declaration === CommandDeclaration.check
                || declared.declaration.behaviour?.nested(declared.arguments).contains { $0.kind.containsCheck } == true
        case .repeat(_, let body), .at(_, let body): body.contains { $0.kind.containsCheck }
        default: false
        }
    }
}
