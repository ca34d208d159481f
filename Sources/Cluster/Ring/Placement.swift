/// Where a coordinator sends a key's request: the first `replicas` nodes clockwise that its
/// view holds up; `hintFor[i]` names the preference-list node target i stands in for (nil: none).
struct Placement: Equatable {
    var preference: [NodeID] = []
    var targets: [NodeID] = []
    /// Empty when no target stands in for another (the common case: no allocation).
    var hintFor: [NodeID?] = []

    func hint(at i: Int) -> NodeID? { hintFor.isEmpty ? nil : hintFor[i] }
}

/// Where a key falls on a node's ring: its position and range (`noRange` on an empty ring), found
/// once for the several questions a write asks of it. Plain values, no copy of the ring (so
/// nothing to retain and release per write): the ring is named by its storage (`Ring.Identity`).
struct KeyPlace {
    var position: UInt64
    var range: Int
    var rangeCount: Int
    var ring: Ring.Identity

    /// `range` on an empty ring. Not an Optional: every write places its key.
    static let noRange = -1

    var isOnRing: Bool { range >= 0 }
}
