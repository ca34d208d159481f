/// The network model (docs/language.md, "Network model"): per-message latency and loss, FIFO links,
/// partitions judged at arrival, killed receivers lose, paused receivers buffer.
extension Simulation {
    func send(from: Int32, to: Int32, _ payload: consuming Payload) {
        let kind = payload.kind
        network.stats.sent[kind.rawValue] += 1
        network.stats.totalSent += 1
        if random.network.chance(ppm: settings.lossPPM) {
            network.stats.dropped[kind.rawValue] += 1
            network.stats.totalDropped += 1
            if tracing { trace("drop", from, to, payload, why: "lost") }
            return
        }
        let delay = random.network.between(settings.latencyMin, settings.latencyMax)
        let at = network.fifoArrival(from: from, to: to, at: now &+ delay)
        if tracing { trace("send", from, to, payload, why: nil) }
        let slot = network.store(Message(from: from, to: to, payload: payload))
        schedule(.deliver(slot: slot), at: at)
    }

    /// A message reaches its receiver's host: judged now (partition, killed), buffered if paused.
    func arrive(_ slot: Int32) {
        guard let message = network.take(slot) else { return }
        let to = message.to
        if to == clientEndpoint {
            delivered(message)
            clientReceive(message)
            return
        }
        let node = nodes[Int(to)]
        if node.removed || node.state == .killed {
            dropped(message, why: node.removed ? "removed" : "killed")
            return
        }
        if network.isCut(message.from, to) {
            dropped(message, why: "partition")
            return
        }
        if node.state == .paused {
            let keep = network.store(message)
            node.inbox.append(keep)
            return
        }
        delivered(message)
        receive(node, message)
    }

    private func delivered(_ m: Message) {
        network.stats.delivered[m.payload.kind.rawValue] += 1
        network.stats.totalDelivered += 1
        if tracing { trace("deliver", m.from, m.to, m.payload, why: nil) }
    }

    private func dropped(_ m: Message, why: String) {
        network.stats.dropped[m.payload.kind.rawValue] += 1
        network.stats.totalDropped += 1
        if tracing { trace("drop", m.from, m.to, m.payload, why: why) }
    }

    /// Messages that waited at a paused node are handled, in order, once it resumes.
    func drainInbox(_ node: Node) {
        let waiting = node.inbox
        node.inbox = []
        for slot in waiting {
            guard let m = network.take(slot) else { continue }
            delivered(m)
            receive(node, m)
            if node.state != .running { break }
        }
    }

    private func trace(_ what: String, _ from: Int32, _ to: Int32, _ p: Payload, why: String?) {
        var line = "\(Durations.text(now)) \(what) \(endpointName(from))→\(endpointName(to)) \(describe(p))"
        if let why { line += " (\(why))" }
        emit(.trace(line))
    }

    private func describe(_ p: Payload) -> String {
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
            return hint >= 0 ? "write \(Quoting.word(keys[k])) hint for \(endpointName(hint))" : "write \(Quoting.word(keys[k]))"
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
        case .report(_, let s, let k, _): return "report \(streamNames[s] ?? "stream") \(Quoting.word(keys[k]))"
        case .removed(let n): return "removed \(endpointName(n))"
        default: return p.kind.name
        }
    }
}
