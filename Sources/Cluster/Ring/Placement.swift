/// Where a coordinator sends a key's request: the first `replicas` nodes clockwise that its
/// view holds up; `hintFor[i]` names the preference-list node target i stands in for (-1: none).
struct Placement: Equatable {
    var preference: [Int32] = []
    var targets: [Int32] = []
    /// Empty when no target stands in for another (the common case: no allocation).
    var hintFor: [Int32] = []

    func hint(at i: Int) -> Int32 { hintFor.isEmpty ? -1 : hintFor[i] }
}

/// Where a key falls on a node's ring: its position and range (-1 on an empty ring), found
/// once for the several questions a write asks of it. Plain values, no copy of the ring (so
/// nothing to retain and release per write): the ring is named by its storage (`Ring.Identity`).
struct KeyPlace {
    var position: UInt64
    var range: Int
    var rangeCount: Int
    var ring: Ring.Identity
}
