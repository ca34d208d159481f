/// One thing `check` found wrong, in words, with the client operation and key it names (so a
/// report can link the finding to them).
struct Violation {
    var text: String
    /// The client operation's id in the judged client's table, or nil.
    var op: Int?
    var key: KeyID?

    init(_ text: String, op: Int? = nil, key: KeyID? = nil) {
        self.text = text
        self.op = op
        self.key = key
    }
}
