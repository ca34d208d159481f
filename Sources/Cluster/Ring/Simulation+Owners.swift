/// Where a key lives by the ground truth: its owners, and the client's choice of coordinator.
extension Simulation {

    func groundTruthRing() -> Ring {
        updateTruthRing()
        return truthRing
    }

    func updateTruthRing() {
        if truthRingDirty {
            truthRing = Ring(members: members.map { ($0.index, $0.tokens) })
            truthRingDirty = false
        }
    }

    /// Whether the node has been down (killed or paused) for at least `rehash`.
    func isOutForRehash(_ node: Node) -> Bool {
        guard machines[node.index].state != .running, let since = machines[node.index].downSince else { return false }
        return now &- since >= settings.rehash
    }

    /// The key's preference list (docs/language.md): first `replicas` nodes clockwise, skipping nodes
    /// down for at least `rehash`.
    func owners(_ key: KeyID) -> [NodeID] {
        groundTruthRing().preferenceList(from: position(of: key), count: settings.replicas) { n in
            !isOutForRehash(nodes[n.index])
        }
    }

    /// The client's choice of coordinator: the first running node of the preference list, then
    /// of the nodes after it clockwise; a node leaving (`beginRemove`) only when no other runs.
    /// One walk does it all: a running node is never out for `rehash`, so the first running
    /// node clockwise, if within the preference list's span, is on the list.
    func defaultCoordinator(for key: KeyID) -> NodeID? {
        var found: NodeID?
        var fallback: NodeID?
        updateTruthRing()
        let position = position(of: key)
        // Walked where it is held: `truthRing.walk` with a closure that reads `self` would walk a
        // copy (a retain and a release of each of its arrays, on every request).
        withUnsafePointer(to: &truthRing) { ring in
            ring.pointee.walk(from: position) { n in
                guard machines[n].state == .running else { return true }
                if leaving.isEmpty || leaving[n] == nil { found = n; return false }
                if fallback == nil { fallback = n }
                return true
            }
        }
        return found ?? fallback
    }
}
