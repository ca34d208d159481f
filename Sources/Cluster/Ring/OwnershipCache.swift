/// Whether a node owns each range of its ring by its own view, worked out once a range (a walk
/// of the ring) and kept while the ring, the view's placement (`MembershipView.placementVersion`)
/// and `replicas` stay the same. Every key of a range has the same preference list, and every
/// write a replica merges asks whether it still owns the key.
struct OwnershipCache {
    /// Per range: 0 not worked out, 1 owned, 2 not owned.
    private var owned: [UInt8] = []
    private var ringVersion = -1
    private var placementVersion = -1
    private var replicas = -1

    /// Whether the node owns `range`; `walk` works it out when it is not known.
    mutating func owns(range: Int, rangeCount: Int, ringVersion: Int, placementVersion: Int, replicas: Int,
                       walk: () -> Bool) -> Bool {
        if ringVersion != self.ringVersion || placementVersion != self.placementVersion
            || replicas != self.replicas || owned.count != rangeCount {
            owned = [UInt8](repeating: 0, count: rangeCount)
            self.ringVersion = ringVersion
            self.placementVersion = placementVersion
            self.replicas = replicas
        }
        if owned[range] == 0 { owned[range] = walk() ? 1 : 2 }
        return owned[range] == 1
    }
}
