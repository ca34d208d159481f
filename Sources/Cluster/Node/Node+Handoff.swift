/// Graceful leave: the leaving node marks itself removed, tells its peers, and hands every key
/// (and every hint) to the key's preference list without it. A key is handed off once every
/// new owner its view holds up has acknowledged it, and at least one has: a leaving node cut
/// off from everyone never "finishes" by having no one to ask (it times out instead).
extension NodeContext {
    func startHandoff() {
        node.view.update(node.index) { $0.entry.removed = true }
        for peer in node.view.members where peer != node.index {
            send(to: peer, .gossip(node.view.snapshot))
        }
        var state = HandoffState()
        var objects = Dictionary(uniqueKeysWithValues: node.store.entries.map { ($0, $1) })
        for h in node.hints.hints {
            var o = objects[h.key] ?? ObjectRecord()
            _ = o.merge(h.object, order)
            objects[h.key] = o
        }
        for key in objects.keys.sorted() {
            guard let object = objects[key], !object.isEmpty else { continue }
            state.pending.append(HandoffState.Item(key: key, object: object, targets: handoffTargets(key), acked: []))
        }
        node.handoff = state
        handoffTick()
    }

    /// Data that reaches a leaving node after its handoff started is handed off too.
    func addToHandoff(_ key: KeyID, _ object: ObjectRecord) {
        guard var state = node.handoff else { return }
        if let i = state.pending.firstIndex(where: { $0.key == key }) {
            // Data that comes back is handed off again, as a new version, though nothing in it is
            // new: views that do not agree yet pass it around (the new owner's view gives the key
            // to a third node, whose view gives it back to this one), so an acknowledgement of
            // what was sent before, given or still on its way, no longer says the new owner
            // holds it.
            _ = state.pending[i].object.merge(object, order)
            state.pending[i].acked = []
            state.pending[i].version &+= 1
        } else {
            var fresh = ObjectRecord()
            _ = fresh.merge(object, order)
            state.pending.append(HandoffState.Item(key: key, object: fresh, targets: handoffTargets(key), acked: []))
        }
        node.handoff = state
        if let item = state.pending.first(where: { $0.key == key }) {
            for t in item.targets { send(to: t, .handoff(key: key, version: item.version, object: item.object)) }
        }
    }

    /// A key's new owners: its preference list by the leaving node's view as it is now.
    func handoffTargets(_ key: KeyID) -> [NodeID] {
        preference(key).filter { $0 != node.index }
    }

    func handoffTick() {
        guard var state = node.handoff, !isHandoffDone() else { return }
        // A key's new owners are its preference list by the view as it is now: the handoff may
        // start while the view still holds nodes down or excluded (a leave right after a
        // partition heals, say), and with targets fixed then, a key whose owners all looked out
        // had no one to go to until the leave gave up and dropped it.
        for i in state.pending.indices {
            state.pending[i].targets = handoffTargets(state.pending[i].key)
        }
        node.handoff = state
        for item in state.pending {
            for t in item.targets where !item.acked.contains(t) {
                send(to: t, .handoff(key: item.key, version: item.version, object: item.object))
            }
        }
        arm(.handoff, after: settings.retransmitDelay)
    }

    func acknowledgeHandoff(_ key: KeyID, version: UInt32, from: NodeID) {
        guard var state = node.handoff, let i = state.pending.firstIndex(where: { $0.key == key }),
              state.pending[i].version == version else { return }
        if !state.pending[i].acked.contains(from) { state.pending[i].acked.append(from) }
        node.handoff = state
    }

    /// Every key acknowledged by at least one new owner and by every new owner held up.
    func isHandoffDone() -> Bool {
        guard let state = node.handoff else { return true }
        return state.pending.allSatisfy { item in
            !item.acked.isEmpty && item.targets.allSatisfy { item.acked.contains($0) || !node.view.isUp($0) }
        }
    }
}
