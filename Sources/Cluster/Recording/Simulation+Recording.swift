/// What the simulation tells its `RunRecorder`, in words: read-only views of messages, requests and
/// the ring (nothing here changes state or draws a random number).
extension Simulation {
    func record(_ recorder: RunRecorder, _ from: Endpoint, _ to: Endpoint, _ p: borrowing Payload, arrives: Micros?) -> Int32 {
        var operation: Int32 = -1
        switch p {
        case .request(let op, _), .reply(let op, _):
            let client = from.client != nil ? from : to
            operation = recorder.operation(client: endpointName(client), op: op.raw)
        default: break
        }
        return recorder.sent(endpointName(from), endpointName(to), kind: p.kind, text: content(p), at: now,
                             arrives: arrives, operation: operation)
    }

    func recordStart(_ recorder: RunRecorder, _ client: Client, _ op: ClientOpID, _ request: ClientOp.Request,
                     coordinator: NodeID?) {
        _ = recorder.operationStarted(client: endpointName(client.endpoint), op: op.raw, request: describe(request),
                                      key: keys[request.key], coordinator: coordinator.map { endpointName(Endpoint($0)) },
                                      at: now, registration: request.isRegistration)
    }

    func recordAdd(_ recorder: RunRecorder, _ added: [Node]) {
        recorder.fault("add", added.map(\.name), at: now)
        if recorder.ringAtStart == nil { recorder.ringAtStart = ringSnapshot(recorder) }
    }

    /// The ring of the cluster's members now (ground truth), for `RunRecorder.RingSnapshot`.
    func ringSnapshot(_ recorder: RunRecorder) -> RunRecorder.RingSnapshot {
        var tokens: [(host: Int32, position: Double)] = []
        for n in members {
            let h = recorder.host(n.name)
            for t in n.tokens { tokens.append((h, RunRecorder.fraction(t))) }
        }
        return RunRecorder.RingSnapshot(time: now, replicas: settings.replicas, tokens: tokens)
    }

    /// A message's full content: the trace's words, then the data it carries.
    func content(_ p: borrowing Payload) -> String {
        let head = describe(copy p)
        switch p {
        case .request(_, .put(_, let fs)):
            return head + " " + fs.map { "\(fields[$0.field])=\(Quoting.word(values[$0.value]))" }.joined(separator: " ")
        case .request(_, .get(_, let fs)), .request(_, .delete(_, let fs)):
            return fs.isEmpty ? head : head + " " + fs.map { fields[$0] }.joined(separator: " ")
        case .reply(_, .written(let acks, let stamp)):
            return head + " (\(acks) acks, version \(describe(stamp)))"
        case .reply(_, .read(let object, let replies)):
            return head + " (\(replies) replies)" + (object.map { ": " + describe($0) } ?? "")
        case .write(_, _, let object, _), .readReply(_, let object), .repair(_, let object),
             .hint(_, _, _, let object), .handoff(_, _, let object), .report(_, _, _, let object):
            return head + ": " + describe(object)
        case .pull(let ks, _), .push(let ks, _):
            return head + ": " + ks.prefix(20).map { Quoting.word(keys[$0]) }.joined(separator: " ") + (ks.count > 20 ? " …" : "")
        case .gossip(let snapshot):
            return head + " (\(snapshot.entries.count) members)"
        case .gossipReply(let entries):
            return head + " (\(entries.count) newer entries)"
        default:
            return head
        }
    }

    private func describe(_ stamp: Stamp) -> String {
        stamp.isZero ? "none" : "\(Durations.text(stamp.time))@\(names[stamp.origin])"
    }

    private func describe(_ object: ObjectRecord) -> String {
        var parts = object.fields.map { f in
            "\(fields[f.field])=\(f.isTombstone ? "(deleted)" : Quoting.word(values[f.value])) (\(describe(f.stamp)))"
        }
        if !object.tomb.isZero { parts.insert("object tombstone (\(describe(object.tomb)))", at: 0) }
        return parts.isEmpty ? "(nothing)" : parts.joined(separator: ", ")
    }

    func describe(_ request: ClientOp.Request) -> String {
        let key = Quoting.word(keys[request.key])
        switch request {
        case .put(_, let fs): return "put \(key) " + fs.map { "\(fields[$0.field])=\(Quoting.word(values[$0.value]))" }.joined(separator: " ")
        case .get(_, let fs): return "get \(key)" + fs.map { " " + fields[$0] }.joined()
        case .delete(_, let fs): return "delete \(key)" + fs.map { " " + fields[$0] }.joined()
        case .register(_, let r): return "\(r.closed ? "close" : "register") stream on \(key)"
        }
    }
}

extension RunRecorder {
    /// A ring position as a fraction of the ring.
    static func fraction(_ position: UInt64) -> Double { Double(position >> 11) / 9_007_199_254_740_992 }
}

extension Cluster {
    /// The recorder `startRecording` set, if any.
    public var recorder: RunRecorder? { sim.recorder }

    /// Starts recording the run for a report (see `RunRecorder`); the ring at start is taken when
    /// the first nodes are added (or now, when there are members already).
    public func startRecording() -> RunRecorder {
        let recorder = RunRecorder()
        sim.recorder = recorder
        return recorder
    }

    /// Ends recording: the ring now, the ring positions of every key used, and what was still
    /// in flight stays marked so. The recorder keeps what it has; the run is not changed.
    public func finishRecording() -> (ring: RunRecorder.RingSnapshot, keys: [(key: String, position: Double)])? {
        guard let recorder = sim.recorder else { return nil }
        let known = UInt32(min(sim.keys.strings.count, sim.keyPositions.count))
        let keys = (0..<known).map(KeyID.init).map { (sim.keys[$0], RunRecorder.fraction(sim.position(of: $0))) }
        return (sim.ringSnapshot(recorder), keys)
    }
}

extension Cluster {
    func record(_ recorder: RunRecorder, converged: Bool, _ violations: [Violation]) {
        let client = sim.endpointName(sim.client.endpoint)
        recorder.checked(at: now, converged: converged, findings: violations.map { v in
            RunRecorder.Finding(text: v.text, operation: v.op.map { recorder.operation(client: client, op: Int32($0)) } ?? -1,
                                key: v.key.map { sim.keys[$0] })
        })
    }
}
