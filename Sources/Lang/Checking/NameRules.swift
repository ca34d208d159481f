/// What makes a node or stream name valid (docs/language.md, "Names"), with the
/// message the parser gives. Public so that the interpreter can check a name again once `$i`
/// has been substituted, and say the same thing.
public enum NameRules {
    /// The problem with `name` as a `kind` ("node" or "stream") name, or nil when it is valid.
    /// `$i` counts as a digit (names may hold it inside a `repeat`).
    public static func problem(with name: String, naming kind: String) -> String? {
        if Vocabulary.isValidName(name.holdsIteration ? name.replacing("$i", with: "1") : name) { return nil }
        if Vocabulary.reserved.contains(name) { return "`\(name)` is a reserved word and cannot name a \(kind)" }
        return "`\(name)` is not a valid \(kind) name: a name starts with a letter or `_` and holds only "
            + "letters, digits, `_` and `-`"
    }
}
