/// Messages between endpoints: the `Network` decides what each meets on its way; the harness
/// traces it, keeps it in flight as a kernel event, and hands what is delivered to its receiver.
extension Simulation {
    func send(from node: NodeID, to: Endpoint, _ payload: consuming Payload) {
        send(from: Endpoint(node), to: to, payload)
    }

    func send(from: Endpoint, to: Endpoint, _ payload: consuming Payload) {
        switch network.depart(payload.kind, from: from, to: to, now: now,
                              latency: settings.latencyMin...max(settings.latencyMin, settings.latencyMax),
                              lossPPM: settings.lossPPM) {
        case .lost:
            if tracing { trace("drop", from, to, payload, why: "lost") }
            if let recorder { _ = record(recorder, from, to, payload, arrives: nil) }
        case .arrives(let at):
            if tracing { trace("send", from, to, payload, why: nil) }
            let recorded = recorder.map { record($0, from, to, payload, arrives: at) }
            let slot = network.store(Message(from: from, to: to, payload: payload))
            if let recorded { recorder?.bind(slot, recorded) }
            schedule(.deliver(slot: slot), at: at)
        }
    }

    /// A message reaches its receiver's host: the network judges it now (killed or removed
    /// receiver, partition); a paused receiver keeps it waiting.
    func arrive(_ slot: Int32) {
        guard let message = network.take(slot) else { return }
        let to = message.to
        switch network.arrive(message, at: to.node.map(receiverState) ?? .client) {
        case .drop(let why):
            if tracing { trace("drop", message.from, to, message.payload, why: why) }
            recorder?.dropped(slot: slot, at: now, why: why)
        case .wait:
            let waiting = network.store(message)
            recorder?.moved(from: slot, to: waiting)
            if let node = to.node { machines[node].inbox.append(waiting) }
        case .deliver:
            if tracing { trace("deliver", message.from, to, message.payload, why: nil) }
            recorder?.delivered(slot: slot, at: now, waited: false)
            if let node = to.node { context(nodes[node]).receive(message) } else if let client = client(at: to) { clientReceive(client, message) }
            recorder?.handled()
        }
    }

    private func receiverState(_ node: NodeID) -> Network.Receiver {
        if machines[node].removed { return .removed }
        switch machines[node].state {
        case .killed: return .killed
        case .paused: return .paused
        case .running: return .running
        }
    }

    /// Messages that waited at a paused node are handled, in order, once it resumes.
    func drainInbox(_ node: Node) {
        let waiting = machines[node.index].inbox
        machines[node.index].inbox = []
        for slot in waiting {
            guard let m = network.take(slot) else { continue }
            network.countDelivered(m.payload.kind)
            if tracing { trace("deliver", m.from, m.to, m.payload, why: nil) }
            recorder?.delivered(slot: slot, at: now, waited: true)
            context(node).receive(m)
            recorder?.handled()
            if machines[node.index].state != .running { break }
        }
    }

    private func trace(_ what: String, _ from: Endpoint, _ to: Endpoint, _ p: Payload, why: String?) {
        var line = "\(Durations.text(now)) \(what) \(endpointName(from))→\(endpointName(to)) \(describe(p))"
        if let why { line += " (\(why))" }
        emit(.trace(line))
    }

    func describe(_ p: Payload) -> String {
        switch p {
        case .request(_, let request):
            switch request {
            case .put(let k, _): return "put \(Quoting.word(keys[k]))"
            case .get(let k, _): return "get \(Quoting.word(keys[k]))"
            case .delete(let k, _): return "delete \(Quoting.word(keys[k]))"
            case .register(let k, let r): return "\(r.closed ? "close" : "register") \(Quoting.word(keys[k]))"
            }
        case .reply(_, let outcome):
            switch outcome {
            case .written: return "reply ok"
            case .read(let o, _): return o == nil ? "reply absent" : "reply value"
            case .failed(let why): return "reply failed: \(why)"
            }
        case .write(_, let k, _, let hint):
            return hint != nil ? "write \(Quoting.word(keys[k])) hint for \(endpointName(Endpoint(hint!)))" : "write \(Quoting.word(keys[k]))"
        case .read(_, let k): return "read \(Quoting.word(keys[k]))"
        case .repair(let k, _): return "repair \(Quoting.word(keys[k]))"
        case .tree(let t):
            let level = t.first.map { Int($0.level) } ?? 0
            let what = ["roots", "branches", "leaves"][min(level, MerkleTree.leafLevel)]
            return "ae-tree \(t.reduce(0) { $0 + $1.hashes.count }) \(what) of \(t.count) ranges"
        case .digest(let l, let d): return "ae-digest \(d.count) keys in \(l.count) leaves"
        case .pull(let k, _): return "ae-pull \(k.count) keys"
        case .push(let k, _): return "ae-push \(k.count) keys"
        case .hint(let t, let k, _, _): return "hint \(Quoting.word(keys[k])) for \(endpointName(t))"
        case .handoff(let k, _, _): return "handoff \(Quoting.word(keys[k]))"
        case .report(_, let s, let k, _): return "report \(client(holding: s)?.streamNames[s] ?? "stream") \(Quoting.word(keys[k]))"
        case .removed(let n): return "removed \(endpointName(n))"
        default: return p.kind.name
        }
    }
}
