/// What gossip says about one node: its heartbeat (the node's own virtual time at its latest
/// tick, so it grows across restarts too), when it went down (agreed: the earliest time any
/// observer last saw its heartbeat grow, `notDown` while up), whether it left the cluster, and its
/// token count (so every node builds the same ring). 24 bytes: a gossip message carries one per
/// member, and a thousand-node cluster moves hundreds of millions of them a minute.
struct MemberEntry: Equatable {
    var node: NodeID
    /// At most `Simulation.maxVnodes`.
    private var tokenCount: UInt16
    var removed: Bool
    var beat: Int64
    var downAt: Int64

    init(node: NodeID, beat: Int64, downAt: Int64, removed: Bool, vnodes: Int32) {
        self.node = node
        self.tokenCount = UInt16(vnodes)
        self.removed = removed
        self.beat = beat
        self.downAt = downAt
    }

    var vnodes: Int32 {
        get { Int32(tokenCount) }
        set { tokenCount = UInt16(newValue) }
    }

    /// `downAt` of a node up: not a time (times are never negative). Not an Optional: an entry
    /// stays 24 bytes.
    static let notDown: Int64 = -1

    var isDown: Bool { downAt >= 0 }
}

/// One node's local knowledge of another.
struct ViewEntry {
    var entry: MemberEntry
    /// Local time the heartbeat last grew (silence is measured from here).
    var lastGrew: Micros
    /// Down for at least `rehash`: out of this node's ring (its ranges re-replicated elsewhere).
    var excluded: Bool

    var isUp: Bool { !entry.removed && !entry.isDown }
}
