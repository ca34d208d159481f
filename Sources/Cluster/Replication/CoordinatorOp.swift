/// A request a coordinator is working on. A write holds no arrays, so keeping, updating and
/// dropping one involves no reference counting; a read's replies are in `read`.
struct CoordinatorOp {
    /// The client endpoint that sent the request, and its operation id there.
    var client: Endpoint
    var clientOp: ClientOpID
    var key: KeyID
    var needed: Int
    /// Replicas asked.
    var targetCount: Int
    var acks = 0
    var replied = false
    /// Writes: the highest stamp time of the written object (the version the reply names).
    var stampTime: Int64 = 0
    /// Reads: the replies so far (nil for writes).
    var read: ReadProgress?

    var isRead: Bool { read != nil }
}

/// A read's replies, merged, and what read repair needs.
struct ReadProgress {
    /// The coordinator's preference list (read repair goes to responders in it only).
    var preference: [NodeID]
    var merged = ObjectRecord()
    /// Each responder and the digest of what it sent.
    var responses: [(node: NodeID, digest: UInt64)] = []
}
