/// Anti-entropy by Merkle trees per range, as in Dynamo. A node keeps, per range of its ring (the
/// arc between consecutive tokens: every key in it has the same preference list), a hash tree of
/// the keys it stores there (`MerkleTree`, `MerkleIndex`). Writes only note their key; the trees
/// of ranges that changed are re-hashed when anti-entropy next reads them.
///
/// Every `antientropy`, and at once when the ring changes (join, leave, rehash) or a peer comes
/// back up (restart, resume, heal), a node sends each peer it holds up the roots of the ranges
/// both replicate by its view: one hash a range. The peer compares each with its own tree of the
/// same arc and answers only the hashes that differ, with their children's; the exchange
/// descends a level a message, into differing subtrees only, down to the leaves:
///
///     A → B  ae-tree    A's roots of the ranges A and B share (by A's view)
///     B → A  ae-tree    B's branch hashes under the roots that differ
///     A → B  ae-tree    A's leaf hashes under the branches that differ
///     B → A  ae-digest  B's digests of its keys in the leaves that differ
///     A → B  ae-pull    A's versions of the keys whose digests differ or that B lacks
///     B → A  ae-push    B's merged versions
///
/// So a range in sync costs one hash a round, and only keys in differing leaves are listed. Each
/// side takes part only for ranges and keys it replicates by its own view. A lost message ends
/// its exchange; the next round starts it again. A round also rehomes the ranges the node no
/// longer replicates (Node+Rehoming.swift).
extension NodeContext {
    func antiEntropyTick() {
        arm(.antiEntropy, after: settings.antiEntropyPeriod)
        antiEntropyRound()
    }

    func antiEntropyRound() {
        guard !node.store.isEmpty else { return }
        refreshMerkle()
        let ring = node.merkle.ring
        let rehoming = node.handoff == nil
        var rehomed = false
        var byPeer: [NodeID: [TreeHashes]] = [:]
        for range in node.merkle.rangesWithKeys {
            let keys = node.merkle.keys(ofRange: range)
            if keys.isEmpty { continue }
            let list = preference(ring, range: range)
            if rehoming && !list.isEmpty && !list.contains(node.index) {
                // No longer an owner by this view: the owners get the range's keys as hints.
                for key in keys {
                    if let object = node.store.removeValue(forKey: key) {
                        rehome(key, object, deliver: false)
                        rehomed = true
                    }
                }
                node.merkle.clear(range: range)
                continue
            }
            let root = TreeHashes(range: ring.arc(range), level: 0, first: 0,
                                  hashes: [node.merkle.root(ofRange: range)])
            for peer in list where peer != node.index && node.view.isUp(peer) {
                byPeer[peer, default: []].append(root)
            }
        }
        for peer in byPeer.keys.sorted() {
            if let roots = byPeer[peer] { sendTree(to: Endpoint(peer), roots) }
        }
        if rehomed { deliverHints() }
    }

    /// Hashes of a peer's trees: answers those that differ from this node's, one level down (or,
    /// at the leaves, with the digests of its keys there).
    func receiveTree(from: Endpoint, _ theirs: [TreeHashes]) {
        refreshMerkle(overlapping: theirs.map(\.range))
        var deeper: [TreeHashes] = []
        var leaves: [TreeLeaf] = []
        var digests: [KeyDigest] = []
        for t in theirs where Int(t.level) <= MerkleTree.leafLevel {
            let level = Int(t.level)
            if level == 0, t.hashes.count == 1, node.merkle.cachedRoot(of: t.range) == t.hashes[0] { continue }
            guard replicates(t.range) else { continue }
            let entries = node.merkle.entries(in: t.range, keyPositions)
            if level == 0, t.hashes.count == 1, entries.root == t.hashes[0] { continue }
            let mine = MerkleIndex.tree(of: entries, keyPositions)
            for (i, hash) in t.hashes.enumerated() {
                let index = Int(t.first) + i
                guard let own = mine.hash(level: level, index: index), own != hash else { continue }
                if level < MerkleTree.leafLevel {
                    deeper.append(TreeHashes(range: t.range, level: t.level + 1, first: UInt16(index * MerkleTree.fanout),
                                             hashes: mine.children(level: level, index: index)))
                } else {
                    leaves.append(TreeLeaf(range: t.range, leaf: UInt16(index)))
                    for k in entries.keys where MerkleTree.leaf(ofPosition: position(of: k)) == index {
                        if let object = node.store[k] { digests.append(KeyDigest(key: k, digest: object.digest)) }
                    }
                }
            }
        }
        if !deeper.isEmpty { sendTree(to: from, deeper) }
        if !leaves.isEmpty {
            count(.aeKeyDigestsSent, by: digests.count)
            send(to: from, .digest(leaves: leaves, digests: digests))
        }
    }

    /// The sender's keys in `leaves`: pulls those whose digest differs from this node's, and
    /// those of the leaves that this node holds and the sender does not.
    func receiveDigest(from: Endpoint, leaves: [TreeLeaf], _ digests: [KeyDigest]) {
        refreshMerkle(overlapping: leaves.map(\.range))
        var keys: [KeyID] = []
        var objects: [ObjectRecord] = []
        // Only keys this node replicates by its own view: a sender with an older view would
        // otherwise hand it copies it must hand on again.
        var listed = Set<KeyID>()
        for d in digests {
            listed.insert(d.key)
            let mine = node.store[d.key] ?? ObjectRecord()
            if mine.digest != d.digest && ownsKey(d.key) {
                keys.append(d.key)
                objects.append(mine)
            }
        }
        // Leaves come grouped by range.
        var i = 0
        while i < leaves.count {
            let arc = leaves[i].range
            var wanted = [Bool](repeating: false, count: MerkleTree.leafCount)
            while i < leaves.count && leaves[i].range == arc {
                if Int(leaves[i].leaf) < wanted.count { wanted[Int(leaves[i].leaf)] = true }
                i += 1
            }
            for k in node.merkle.entries(in: arc, keyPositions).keys
            where wanted[MerkleTree.leaf(ofPosition: position(of: k))] && !listed.contains(k) && ownsKey(k) {
                if let mine = node.store[k] {
                    keys.append(k)
                    objects.append(mine)
                }
            }
        }
        if !keys.isEmpty { send(to: from, .pull(keys: keys, objects: objects)) }
    }

    func receivePull(from: Endpoint, _ keys: [KeyID], _ objects: [ObjectRecord]) {
        var merged: [ObjectRecord] = []
        for (k, o) in zip(keys, objects) {
            mergeData(k, o)
            merged.append(node.store[k] ?? ObjectRecord())
        }
        send(to: from, .push(keys: keys, objects: merged))
    }

    /// Brings the node's Merkle index up to date with its store and its view's ring.
    func refreshMerkle() {
        node.merkle.refresh(ring: currentRing(), store: node.store, positions: keyPositions)
    }

    /// Brings the ranges of the node's Merkle index that `arcs` overlap up to date.
    func refreshMerkle(overlapping arcs: [RangeArc]) {
        node.merkle.refresh(ring: currentRing(), store: node.store, positions: keyPositions, overlapping: arcs)
    }

    /// Whether `node` replicates the keys of `arc` (a range of a peer's ring) by its own view,
    /// judged at the arc's end.
    func replicates(_ arc: RangeArc) -> Bool {
        let ring = node.merkle.ring
        if ring.isEmpty { return true }
        let list = preference(ring, range: ring.range(of: arc.hi))
        return list.isEmpty || list.contains(node.index)
    }

    private func sendTree(to peer: Endpoint, _ hashes: [TreeHashes]) {
        count(.aeTreeHashesSent, by: hashes.reduce(0) { $0 + $1.hashes.count })
        send(to: peer, .tree(hashes))
    }
}
