/// Anti-entropy: per peer, digests of the keys both replicate (by the sender's view); the peer
/// pulls what differs (if it replicates the key by its own view) and both end with the merge.
/// A round rehomes the keys the node no longer owns (Simulation+Rehoming.swift). Runs every
/// `antientropy`, and at once when the ring changes (join, leave, rehash) or a peer comes back up
/// (restart, resume, heal).
extension Simulation {
    func antiEntropyTick(_ node: Node) {
        schedule(.timer(node: node.index, incarnation: node.incarnation, timer: .antiEntropy),
                 at: now &+ antiEntropyPeriod)
        antiEntropyRound(node)
    }

    func antiEntropyRound(_ node: Node) {
        guard node.state == .running, !node.store.isEmpty else { return }
        let rehoming = node.handoff == nil
        var rehomed = false
        var byPeer: [Int32: [KeyDigest]] = [:]
        for key in node.store.sortedKeys {
            let list = preference(node, key)
            if rehoming && !list.isEmpty && !list.contains(node.index) {
                // No longer an owner by this view: the owners get it as hints.
                if let object = node.store.removeValue(forKey: key) {
                    rehome(node, key, object, deliver: false)
                    rehomed = true
                }
                continue
            }
            guard let object = node.store[key], !object.isEmpty else { continue }
            let digest = object.digest
            for peer in list where peer != node.index && node.view.isUp(peer) {
                byPeer[peer, default: []].append(KeyDigest(key: key, digest: digest))
            }
        }
        for peer in byPeer.keys.sorted() {
            if let digests = byPeer[peer] { send(from: node.index, to: peer, .digest(digests)) }
        }
        if rehomed { deliverHints(node) }
    }

    func receiveDigest(_ node: Node, from: Int32, _ digests: [KeyDigest]) {
        var keys: [UInt32] = []
        var objects: [ObjectRecord] = []
        // Only keys this node replicates by its own view: a sender with an older view would
        // otherwise hand it copies it must hand on again.
        for d in digests {
            let mine = node.store[d.key] ?? ObjectRecord()
            if mine.digest != d.digest && ownsKey(node, d.key) {
                keys.append(d.key)
                objects.append(mine)
            }
        }
        if !keys.isEmpty { send(from: node.index, to: from, .pull(keys: keys, objects: objects)) }
    }

    func receivePull(_ node: Node, from: Int32, _ keys: [UInt32], _ objects: [ObjectRecord]) {
        var merged: [ObjectRecord] = []
        for (k, o) in zip(keys, objects) {
            mergeData(node, k, o)
            merged.append(node.store[k] ?? ObjectRecord())
        }
        send(from: node.index, to: from, .push(keys: keys, objects: merged))
    }
}
