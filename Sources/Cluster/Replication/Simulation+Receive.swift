/// A running node handles one message.
extension Simulation {
    func receive(_ node: Node, _ m: Message) {
        switch m.payload {
        case .request(let op, let request): coordinate(node, client: m.from, clientOp: op, request)
        case .write(let op, let key, let object, let hintFor):
            applyWrite(node, key, object, hintFor: hintFor)
            send(from: node.index, to: m.from, .writeAck(op: op))
        case .writeAck(let op): acknowledgeWrite(node, op)
        case .read(let op, let key):
            send(from: node.index, to: m.from, .readReply(op: op, object: localObject(node, key)))
        case .readReply(let op, let object): acknowledgeRead(node, op, from: m.from, object)
        case .repair(let key, let object): mergeData(node, key, object)
        case .gossip(let snapshot): receiveGossip(node, from: m.from, snapshot)
        case .gossipReply(let entries): receiveGossipReply(node, entries)
        case .tree(let hashes): receiveTree(node, from: m.from, hashes)
        case .digest(let leaves, let digests): receiveDigest(node, from: m.from, leaves: leaves, digests)
        case .pull(let keys, let objects): receivePull(node, from: m.from, keys, objects)
        case .push(let keys, let objects):
            for (k, o) in zip(keys, objects) { mergeData(node, k, o) }
        case .hint(let target, let key, let version, let object):
            mergeData(node, key, object)
            send(from: node.index, to: m.from, .hintAck(target: target, key: key, version: version))
        case .hintAck(let target, let key, let version):
            node.hints.acknowledge(target: target, key: key, version: version)
        case .handoff(let key, let version, let object):
            // A node whose view does not give it the key but still gives it to the leaving
            // sender (gossip has not told it of the leave yet) would hand the data straight back
            // as a hint, which the leaving node acknowledges and then drops when its leave ends:
            // it takes (and acknowledges) the handoff only once that is no longer so; until
            // then the sender sends it again.
            if !ownsKey(node, key) && preference(node, key).contains(m.from) { break }
            mergeData(node, key, object)
            send(from: node.index, to: m.from, .handoffAck(key: key, version: version))
        case .handoffAck(let key, let version): acknowledgeHandoff(node, key, version: version, from: m.from)
        case .reportAck(let id): acknowledgeReport(node, id)
        case .removed(let n): receiveRemoved(node, n)
        case .reply, .report: break  // client-bound
        }
    }

    /// What a replica answers a read with: its data, plus hinted data it keeps as a stand-in.
    func localObject(_ node: Node, _ key: UInt32) -> ObjectRecord {
        var object = node.store[key] ?? ObjectRecord()
        if !node.hints.isEmpty, let hinted = node.hints.object(for: key, order) {
            _ = object.merge(hinted, order)
        }
        return object
    }

    /// Stores a write (as a hint when standing in for another node).
    func applyWrite(_ node: Node, _ key: UInt32, _ object: ObjectRecord, hintFor: Int32) {
        node.observe(object)
        if node.handoff != nil {
            addToHandoff(node, key, object)  // leaving: the write goes on with the handoff
        } else if hintFor >= 0 && hintFor != node.index {
            node.hints.add(target: hintFor, key: key, object, order)
        } else {
            mergeData(node, key, object)
        }
    }

    /// Merges data into a replica's store, whatever brought it (write, repair, anti-entropy,
    /// hint, handoff), and reports changes to open streams on the key.
    /// Data of a key the node does not own by its view goes on to the owners (rehome).
    func mergeData(_ node: Node, _ key: UInt32, _ object: ObjectRecord) {
        node.observe(object)
        let place = place(node, key)
        guard ownsKey(node, at: place) else {
            rehome(node, key, object)
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
            if touched { sendReport(node, reg, key, stored.restricted(to: reg.fields)) }
        }
    }
}
