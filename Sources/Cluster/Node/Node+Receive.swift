/// A running node handles one message.
extension NodeContext {
    func receive(_ m: Message) {
        switch m.payload {
        case .request(let op, let request): coordinate(client: m.from, clientOp: op, request)
        case .write(let op, let key, let object, let hintFor):
            applyWrite(key, object, hintFor: hintFor)
            send(to: m.from, .writeAck(op: op))
        case .writeAck(let op): acknowledgeWrite(op)
        case .read(let op, let key):
            send(to: m.from, .readReply(op: op, object: localObject(key)))
        case .readReply(let op, let object): if let from = m.from.node { acknowledgeRead(op, from: from, object) }
        case .repair(let key, let object): mergeData(key, object)
        case .gossip(let snapshot): receiveGossip(from: m.from, snapshot)
        case .gossipReply(let entries): receiveGossipReply(entries)
        case .tree(let hashes): receiveTree(from: m.from, hashes)
        case .digest(let leaves, let digests): receiveDigest(from: m.from, leaves: leaves, digests)
        case .pull(let keys, let objects): receivePull(from: m.from, keys, objects)
        case .push(let keys, let objects):
            for (k, o) in zip(keys, objects) { mergeData(k, o) }
        case .hint(let target, let key, let version, let object):
            mergeData(key, object)
            send(to: m.from, .hintAck(target: target, key: key, version: version))
        case .hintAck(let target, let key, let version):
            node.hints.acknowledge(target: target, key: key, version: version)
        case .handoff(let key, let version, let object):
            // A node whose view does not give it the key but still gives it to the leaving
            // sender (gossip has not told it of the leave yet) would hand the data straight back
            // as a hint, which the leaving node acknowledges and then drops when its leave ends:
            // it takes (and acknowledges) the handoff only once that is no longer so; until
            // then the sender sends it again.
            if !ownsKey(key) && preference(key).contains(where: { Endpoint($0) == m.from }) { break }
            mergeData(key, object)
            send(to: m.from, .handoffAck(key: key, version: version))
        case .handoffAck(let key, let version):
            if let from = m.from.node { acknowledgeHandoff(key, version: version, from: from) }
        case .reportAck(let id): acknowledgeReport(id)
        case .removed(let n): receiveRemoved(n)
        case .reply, .report: break  // client-bound
        }
    }

    /// What a replica answers a read with: its data, plus hinted data it keeps as a stand-in.
    func localObject(_ key: KeyID) -> ObjectRecord {
        var object = node.store[key] ?? ObjectRecord()
        if !node.hints.isEmpty, let hinted = node.hints.object(for: key, order) {
            _ = object.merge(hinted, order)
        }
        return object
    }

    /// Stores a write (as a hint when standing in for another node).
    func applyWrite(_ key: KeyID, _ object: ObjectRecord, hintFor: NodeID?) {
        node.observe(object)
        if node.handoff != nil {
            addToHandoff(key, object)  // leaving: the write goes on with the handoff
        } else if let hintFor, hintFor != node.index {
            node.hints.add(target: hintFor, key: key, object, order)
        } else {
            mergeData(key, object)
        }
    }

    /// Merges data into a replica's store, whatever brought it (write, repair, anti-entropy,
    /// hint, handoff), and reports changes to open streams on the key.
    /// Data of a key the node does not own by its view goes on to the owners (rehome).
    func mergeData(_ key: KeyID, _ object: ObjectRecord) {
        node.observe(object)
        let place = place(key)
        guard ownsKey(at: place) else {
            rehome(key, object)
            return
        }
        let change = node.store.merge(key, object, order)
        guard change.any, let (item, registered) = node.store.withRecord(key, {
            (MerkleIndex.item($0, at: place.position), !$0.registrations.isEmpty)
        }) else { return }
        node.merkle.touch(key, item: item, at: place, storeCount: node.store.count)
        guard registered, let stored = node.store[key] else { return }
        for reg in stored.registrations where !reg.closed {
            let touched = change.tomb || change.fields.contains { reg.fields.contains($0) }
                || change.newRegistrations.contains(reg.stream)
            if touched { sendReport(reg, key, stored.restricted(to: reg.fields)) }
        }
    }
}
