/// The coordinator's side of client operations: stamping, quorums, timeouts and read repair.
extension NodeContext {
    func coordinate(client: Endpoint, clientOp: ClientOpID, _ request: ClientOp.Request) {
        let key = request.key
        let plan = placement(key)
        let needed = request.isRead ? settings.read : settings.write
        if plan.targets.count < needed {
            // Too few replicas to answer the client; a write is still stored where it can be
            // (as a timed-out one would be), so it spreads by anti-entropy like any other.
            if !request.isRead {
                let object = writeObject(request)
                for (i, t) in plan.targets.enumerated() {
                    let hint = plan.hint(at: i)
                    if t == node.index {
                        applyWrite(key, object, hintFor: hint)
                    } else {
                        send(to: t, .write(op: .unasked, key: key, object: object, hintFor: hint))
                    }
                }
            }
            send(to: client, .reply(op: clientOp, outcome: .failed(
                "only \(plan.targets.count) of \(needed) needed replicas reachable from \(node.name)")))
            return
        }
        var op = CoordinatorOp(client: client, clientOp: clientOp, key: key, needed: needed, targetCount: plan.targets.count)
        let id: CoordinatorOpID
        if request.isRead {
            op.read = ReadProgress(preference: plan.preference)
            id = node.coordinatorOps.insert(op)
            for t in plan.targets where t != node.index { send(to: t, .read(op: id, key: key)) }
            if plan.targets.contains(node.index) { acknowledgeRead(id, from: node.index, localObject(key)) }
        } else {
            let object = writeObject(request)
            op.stampTime = object.maxStampTime
            id = node.coordinatorOps.insert(op)
            for (i, t) in plan.targets.enumerated() where t != node.index {
                send(to: t, .write(op: id, key: key, object: object, hintFor: plan.hint(at: i)))
            }
            if let i = plan.targets.firstIndex(of: node.index) {
                applyWrite(key, object, hintFor: plan.hint(at: i))
                acknowledgeWrite(id)
            }
        }
        if node.coordinatorOps.contains(id) {
            host.armCoordinatorDeadline(node.index, op: id)
        }
    }

    /// The stamped object a write stores.
    private func writeObject(_ request: ClientOp.Request) -> ObjectRecord {
        var object = ObjectRecord()
        switch request {
        case .put(_, let fs):
            let stamp = node.nextStamp(now: now)
            object.fields.reserveCapacity(fs.count)
            for f in fs { object.apply(FieldRecord(field: f.field, value: f.value, stamp: stamp), order) }
        case .delete(_, let fs):
            let stamp = node.nextStamp(now: now)
            if fs.isEmpty {
                object.tomb = stamp
            } else {
                for f in fs { object.apply(FieldRecord(field: f, value: .tombstone, stamp: stamp), order) }
            }
        case .register(_, let reg):
            object.registrations = [reg]
        case .get:
            break
        }
        return object
    }

    func acknowledgeWrite(_ id: CoordinatorOpID) {
        let done = node.coordinatorOps.update(id) { op -> Bool in
            guard !op.isRead else { return false }
            op.acks += 1
            if !op.replied && op.acks >= op.needed {
                op.replied = true
                let t = op.stampTime
                send(to: op.client,
                     .reply(op: op.clientOp, outcome: .written(acks: op.acks, stamp: Stamp(time: t, origin: t > 0 ? node.nameID : 0))))
            }
            return op.acks >= op.targetCount
        }
        if done == true { node.coordinatorOps.discard(id) }
    }

    func acknowledgeRead(_ id: CoordinatorOpID, from: NodeID, _ object: ObjectRecord) {
        let done = node.coordinatorOps.update(id) { op -> Bool in
            // The read's progress is changed through optional chaining: in place, not copied out.
            guard op.read?.responses.contains(where: { $0.node == from }) == false else { return false }
            node.observe(object)
            _ = op.read?.merged.merge(object, order)
            op.read?.responses.append((from, object.digest))
            let replies = op.read?.responses.count ?? 0
            if !op.replied && replies >= op.needed, let merged = op.read?.merged {
                op.replied = true
                send(to: op.client, .reply(op: op.clientOp, outcome: .read(object: merged, replies: replies)))
            }
            return replies >= op.targetCount
        }
        if done == true { finishCoordinatorOp(id, timedOut: false) }
    }

    /// Ends a coordinator's request: fails it if unanswered, and repairs stale replicas of a read.
    func finishCoordinatorOp(_ id: CoordinatorOpID, timedOut: Bool) {
        guard let op = node.coordinatorOps.remove(id) else { return }
        if !op.replied {
            let got = op.read?.responses.count ?? op.acks
            let what = op.isRead ? "replies" : "acks"
            send(to: op.client,
                 .reply(op: op.clientOp, outcome: .failed("timed out with \(got) of \(op.needed) \(what)")))
        }
        guard let read = op.read, !read.merged.isEmpty else { return }
        let digest = read.merged.digest
        for r in read.responses where r.digest != digest && read.preference.contains(r.node) {
            if r.node == node.index {
                mergeData(op.key, read.merged)
            } else {
                count(.readRepairs)
                send(to: r.node, .repair(key: op.key, object: read.merged))
            }
        }
    }

    /// A paused coordinator's requests are long past their deadlines when it resumes.
    func failCoordinatorOps() {
        for id in node.coordinatorOps.ids { finishCoordinatorOp(id, timedOut: true) }
    }
}
