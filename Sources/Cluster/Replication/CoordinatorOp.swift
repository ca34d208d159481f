/// A request a coordinator is working on.
struct CoordinatorOp {
    enum Kind { case write, read }
    var clientOp: Int32
    var kind: Kind
    var key: UInt32
    var needed: Int
    var targets: [Int32]
    /// The coordinator's preference list (read repair goes to responders in it only).
    var preference: [Int32]
    var acks = 0
    var replied = false
    /// Reads: merged replies so far, and each responder's digest.
    var merged = ObjectRecord()
    var responses: [(node: Int32, digest: UInt64)] = []
}
