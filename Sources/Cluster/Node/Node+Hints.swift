/// Hinted handoff: a stand-in delivers what it keeps for a node once its view holds that node up
/// again, or to the key's current preference list once the node is out (rehash or removed).
extension NodeContext {
    func deliverHints() {
        guard !node.hints.isEmpty else { return }
        let resend = settings.retransmitDelay
        var i = 0
        while i < node.hints.hints.count {
            let h = node.hints.hints[i]
            if let last = h.lastSent, now &- last < resend { i += 1; continue }
            let out = node.view[h.target].map { $0.entry.removed || $0.excluded } ?? true
            if out {
                let recipients = preference(h.key).filter { node.view.isUp($0) }
                if recipients.contains(node.index) {
                    mergeData(h.key, h.object)
                    node.hints.hints.remove(at: i)
                    count(.hintsDelivered)
                    continue
                }
                for r in recipients {
                    send(to: r, .hint(target: h.target, key: h.key, version: h.version, object: h.object))
                }
                if !recipients.isEmpty { node.hints.hints[i].lastSent = now }
            } else if node.view.isUp(h.target) {
                send(to: h.target,
                     .hint(target: h.target, key: h.key, version: h.version, object: h.object))
                node.hints.hints[i].lastSent = now
            }
            i += 1
        }
    }
}
