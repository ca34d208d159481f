/// Ownership moves (a join, a node coming back after `rehash`, a leave): data a node holds for a
/// key it does not own by its own view is handed to the key's owners as hints (durable with the
/// disk, delivered when the owners are up, retired on their acknowledgement) instead of staying
/// in its store, where no one would ask for it. Until acknowledged it is pending: *converged*
/// waits for it (Inspection/). Reads still see it (`localObject` merges hints) while it travels.
/// A leaving node adds what reaches it to its handoff instead.
extension Simulation {
    /// Whether `node` is in the key's preference list by its own view. A node whose view leaves
    /// no one else to own the key (every other node out) keeps what it has.
    func ownsKey(_ node: Node, _ key: UInt32) -> Bool {
        let list = preference(node, key)
        return list.isEmpty || list.contains(node.index)
    }

    /// Hands `object` (data of a key `node` does not own) to the key's owners.
    func rehome(_ node: Node, _ key: UInt32, _ object: ObjectRecord) {
        guard !object.isEmpty else { return }
        if node.handoff != nil {
            addToHandoff(node, key, object)
            return
        }
        for owner in preference(node, key) { node.hints.add(target: owner, key: key, object, order) }
        count("keys rehomed")
        deliverHints(node)
    }

    /// Moves every stored key that `node` no longer owns (its view changed) into hints for the
    /// key's owners. A leaving node's store is its handoff's business.
    func rehomeForeignKeys(_ node: Node) {
        guard node.state == .running, node.handoff == nil else { return }
        for key in node.store.sortedKeys where !ownsKey(node, key) {
            guard let object = node.store.objects.removeValue(forKey: key) else { continue }
            rehome(node, key, object)
        }
    }
}
