/// Heartbeat gossip and the failure detector, run by each node on its own timer.
extension NodeContext {
    /// Arms a node's periodic timers with a random phase (so nodes do not tick in lockstep).
    func armTimers() {
        let gossipPhase = host.drawTimer(between: 0, settings.gossipPeriod - 1)
        let aePhase = host.drawTimer(between: 0, settings.antiEntropyPeriod - 1)
        arm(.gossip, after: gossipPhase)
        arm(.antiEntropy, after: aePhase)
    }

    /// One gossip round: beat, detect failures and rehash exclusions, tell `fanout` peers held
    /// up, one held down and one seed not heard of yet, deliver hints.
    func gossipTick() {
        arm(.gossip, after: settings.gossipPeriod)
        beat()
        let ringChanged = node.view.detect(me: node.index, now: now, suspect: settings.suspect, rehash: settings.rehash)
        // `fanout` peers among those held up, plus one held down (so a healed or returned node is
        // heard again): gossip spent on unreachable peers would starve a small partition's
        // members of each other's heartbeats and make them suspect one another.
        let (upPeers, downPeers) = node.view.peers(of: node.index)
        var chosen: [NodeID] = []
        var taken: [Int] = []  // ascending
        // The first peer goes round robin, so each peer held up hears from this node at least once
        // every `upPeers.count` rounds: with random draws alone, two nodes cut off together from
        // three others went five rounds without picking each other about once in a thousand
        // runs, and suspected each other although nothing separated them.
        if !upPeers.isEmpty {
            let first = node.gossipCursor % upPeers.count
            node.gossipCursor = first &+ 1
            taken.append(first)
            chosen.append(upPeers[first])
        }
        // The rest are drawn without replacement: each draw indexes the peers not taken yet,
        // ascending (the list read in place, not copied to remove from).
        while chosen.count < settings.fanout && taken.count < upPeers.count {
            var i = Int(host.drawTimer(below: UInt64(upPeers.count - taken.count)))
            for t in taken where t <= i { i += 1 }
            taken.insert(i, at: taken.firstIndex { $0 > i } ?? taken.count)
            chosen.append(upPeers[i])
        }
        if !downPeers.isEmpty {
            chosen.append(downPeers[Int(host.drawTimer(below: UInt64(downPeers.count)))])
        }
        if let seed = unheardSeed(), !chosen.contains(seed) { chosen.append(seed) }
        let snapshot = node.view.snapshot
        for peer in chosen { send(to: peer, .gossip(snapshot)) }
        if ringChanged { antiEntropyRound() }
        deliverHints()
    }

    /// A seed the node's view has not heard of yet, drawn at random; seeds the view knows are
    /// forgotten (from then on they are peers like any other, tried while held down).
    /// Without this, newcomers whose contact died before answering could find only each other
    /// and form an island that never hears of the old members.
    private func unheardSeed() -> NodeID? {
        guard !node.seeds.isEmpty else { return nil }
        node.seeds.removeAll { node.view.knows($0) }
        guard !node.seeds.isEmpty else { return nil }
        return node.seeds[Int(host.drawTimer(below: UInt64(node.seeds.count)))]
    }

    /// Raises the node's own heartbeat to now.
    func beat() {
        let now = now
        var own = node.view[node.index] ?? ViewEntry(entry: node.entry, lastGrew: now, excluded: false)
        own.entry.beat = max(own.entry.beat, now)
        own.entry.downAt = MemberEntry.notDown
        own.lastGrew = now
        node.view.set(own)
    }

    /// Sends the node's whole view to `peer` at once (join, restart).
    func gossipNow(to peer: NodeID) {
        beat()
        send(to: peer, .gossip(node.view.snapshot))
    }

    /// Merges gossip from `from`. A push is answered with what this node knows newer
    /// (push-pull): heartbeats then reach every node in few enough rounds that clusters of
    /// hundreds of nodes do not suspect live members, and joins and heals spread in one round trip.
    func receiveGossip(from: Endpoint, _ pushed: MembershipView.Snapshot) {
        let fx: MembershipView.MergeEffects
        if from.raw >= 0 && from != Endpoint(node.index) {
            beat()
            let (newer, effects) = node.view.exchange(pushed, me: node.index, now: now, rehash: settings.rehash)
            if !newer.isEmpty { send(to: from, .gossipReply(newer)) }
            fx = effects
        } else {
            fx = node.view.merge(pushed.entries, me: node.index, now: now, rehash: settings.rehash)
        }
        afterGossip(fx)
    }

    /// Merges the entries a push was answered with.
    func receiveGossipReply(_ entries: [MemberEntry]) {
        afterGossip(node.view.merge(entries, me: node.index, now: now, rehash: settings.rehash))
    }

    private func afterGossip(_ fx: MembershipView.MergeEffects) {
        if fx.ringChanged || !fx.cameUp.isEmpty { antiEntropyRound() }
        // A node back up takes its hints; a ring change may send hints for a node now out to
        // the key's new owners (or back into this node's store).
        if fx.ringChanged || !fx.cameUp.isEmpty { deliverHints() }
    }

    /// Admin notice that `removed` left the cluster.
    func receiveRemoved(_ removed: NodeID) {
        guard removed != node.index, node.view[removed] != nil else { return }
        node.view.update(removed) { $0.entry.removed = true }
        antiEntropyRound()
        deliverHints()
    }
}
