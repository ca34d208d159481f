/// Hinted handoff: a stand-in delivers what it keeps for a node once its view holds that node up
/// again, or to the key's current preference list once the node is out (rehash or removed).
extension Simulation {
    func deliverHints(_ node: Node) {
        guard node.state == .running, !node.hints.isEmpty else { return }
        let resend = 2 &* settings.latencyMax &+ 1000
        var i = 0
        while i < node.hints.hints.count {
            let h = node.hints.hints[i]
            if let last = h.lastSent, clock(node) &- last < resend { i += 1; continue }
            let out = node.view[h.target].map { $0.entry.removed || $0.excluded } ?? true
            if out {
                let recipients = preference(node, h.key).filter { node.view.isUp($0) }
                if recipients.contains(node.index) {
                    mergeData(node, h.key, h.object)
                    node.hints.hints.remove(at: i)
                    count(.hintsDelivered)
                    continue
                }
                for r in recipients {
                    send(from: node.index, to: r, .hint(target: h.target, key: h.key, version: h.version, object: h.object))
                }
                if !recipients.isEmpty { node.hints.hints[i].lastSent = clock(node) }
            } else if node.view.isUp(h.target) {
                send(from: node.index, to: h.target,
                     .hint(target: h.target, key: h.key, version: h.version, object: h.object))
                node.hints.hints[i].lastSent = clock(node)
            }
            i += 1
        }
    }
}
