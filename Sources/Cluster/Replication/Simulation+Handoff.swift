/// Graceful leave: the leaving node marks itself removed, tells its peers, and hands every key
/// (and every hint) to the key's preference list without it, until each is acknowledged.
extension Simulation {
    func startHandoff(_ node: Node) {
        node.view.update(node.index) { $0.entry.removed = true }
        for peer in node.view.members where peer != node.index {
            send(from: node.index, to: peer, .gossip(node.view.entries))
        }
        var state = HandoffState()
        var objects: [UInt32: ObjectRecord] = node.store.objects
        for h in node.hints.hints {
            var o = objects[h.key] ?? ObjectRecord()
            _ = o.merge(h.object, order)
            objects[h.key] = o
        }
        for key in objects.keys.sorted() {
            guard let object = objects[key], !object.isEmpty else { continue }
            for target in preference(node, key) where target != node.index && node.view.isUp(target) {
                state.pending.append((key, target, object))
            }
        }
        node.handoff = state
        handoffTick(node)
    }

    func handoffTick(_ node: Node) {
        guard let state = node.handoff, !state.done else { return }
        for p in state.pending { send(from: node.index, to: p.target, .handoff(key: p.key, object: p.object)) }
        schedule(.timer(node: node.index, incarnation: node.incarnation, timer: .handoff),
                 at: now &+ 2 &* settings.latencyMax &+ 1000)
    }

    func acknowledgeHandoff(_ node: Node, _ key: UInt32, from: Int32) {
        node.handoff?.pending.removeAll { $0.key == key && $0.target == from }
    }
}
