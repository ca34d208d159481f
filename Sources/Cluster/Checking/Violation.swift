/// One thing `check` found wrong, in words, with the client operation and key it names (so a
/// report can link the finding to them).
struct Violation {
    var text: String
    /// The client operation's id in the judged client's table, or nil.
    var op: Int?
    var key: UInt32?

    init(_ text: String, op: Int? = nil, key: UInt32? = nil) {
        self.text = text
        self.op = op
        self.key = key
    }
}
