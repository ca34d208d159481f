/// Ownership moves (a join, a node coming back after `rehash`, a leave): data a node holds for a
/// key it does not own by its own view is handed to the key's owners as hints (durable with the
/// disk, delivered when the owners are up, retired on their acknowledgement) instead of staying
/// in its store, where no one would ask for it. Until acknowledged it is pending: *converged*
/// waits for it (Inspection/). Reads still see it (`localObject` merges hints) while it travels.
/// A leaving node adds what reaches it to its handoff instead. Each anti-entropy round rehomes the
/// stored keys its node's view no longer gives it (Node+AntiEntropy.swift).
extension NodeContext {
    /// Whether `node` is in the key's preference list by its own view. A node whose view leaves
    /// no one else to own the key (every other node out) keeps what it has.
    func ownsKey(_ key: KeyID) -> Bool { ownsKey(at: place(key)) }

    func ownsKey(at place: KeyPlace) -> Bool {
        guard settings.replicas > 0 else { return true }
        let basis = memoBasis(place)
        if place.isOnRing, let known = node.ownership.lookup(range: place.range, basis: basis) { return known }
        let owned = node.ring.isAmong(node.index, from: place.position, count: settings.replicas) { n in
            node.view.routing(n)?.eligible ?? false
        }
        if place.isOnRing { node.ownership.record(owned, range: place.range) }
        return owned
    }

    /// Hands `object` (data of a key `node` does not own) to the key's owners; with `deliver`,
    /// sends the hints at once (a caller rehoming many keys sends them once, after).
    func rehome(_ key: KeyID, _ object: ObjectRecord, deliver: Bool = true) {
        guard !object.isEmpty else { return }
        if node.handoff != nil {
            addToHandoff(key, object)
            return
        }
        for owner in preference(key) { node.hints.add(target: owner, key: key, object, order) }
        count(.keysRehomed)
        if deliver { deliverHints() }
    }
}
