/// `check`: judges the recorded history against the data once the cluster has converged (or, when it
/// has not, against every running replica). Reads the simulation; never changes it.
///
/// - every write acknowledged to the client is present or superseded by a higher version (else `lost`);
/// - every visible value was written by some client (else `phantom`);
/// - every stream kept docs/language.md's guarantees 1–3 (guarantee 3 sets aside streams whose key lost
///   a selected field's version with a disk: see LostDisk.swift).
struct HistoryChecker {
    let sim: Simulation
    /// Whose history is judged: its operations and the streams it opened.
    let client: Client
    let converged: Bool

    func violations() -> [Violation] {
        acknowledgedWrites() + phantoms() + streams()
    }

    // MARK: Writes

    /// The data a key is judged on: the first owner's record when converged (owners then agree),
    /// else every running node's record. A key with no owner (every node down for `rehash`) is
    /// judged on every disk still in the cluster: a write that a paused or killed node's disk
    /// holds is not lost, only out of reach until the node is back.
    private func records(_ key: KeyID) -> [(node: String, record: ObjectRecord)] {
        let nodes: [Node]
        if converged {
            let owners = sim.owners(key)
            nodes = owners.isEmpty ? sim.members : [sim.nodes[owners[0]]]
        } else {
            nodes = sim.members.filter { sim.machines[$0.index].state == .running }
        }
        return nodes.compactMap { n in n.store[key].map { (n.name, $0) } }
    }

    private func acknowledgedWrites() -> [Violation] {
        var result: [Violation] = []
        for (index, op) in client.ops.history {
            guard let stamp = op.stamp, op.result?.succeeded == true else { continue }
            let key = op.request.key
            let held = records(key)
            func holds(_ field: FieldID?) -> Bool {
                held.contains { _, r in
                    if field == nil { return !sim.order.less(r.tomb, stamp) }
                    let version = sim.order.max(r.record(of: field!)?.stamp ?? .zero, r.tomb)
                    return !sim.order.less(version, stamp)
                }
            }
            var missing: [FieldID?] = []
            switch op.request {
            case .put(_, let fields): missing = fields.map(\.field).filter { !holds($0) }
            case .delete(_, let fields) where fields.isEmpty: if !holds(nil) { missing = [nil] }
            case .delete(_, let fields): missing = fields.filter { !holds($0) }
            default: break
            }
            for field in missing {
                let seen = held.first.map { n, r in
                    field.flatMap { f in r.record(of: f) }.map { "\(n) holds \(describe($0))" } ?? "\(n) holds nothing newer"
                } ?? (!converged ? "no running replica holds the key"
                      : sim.owners(key).isEmpty ? "no disk in the cluster holds the key" : "its owners hold nothing of the key")
                let what = field.map { "field \(sim.fields[$0])" } ?? "object tombstone"
                let disk = sim.diskThatHeld(key, field: field, at: stamp).map { "; \($0.description) held it" } ?? ""
                result.append(Violation("lost: key \(Quoting.word(sim.keys[key])) \(what): \(describeOp(index)) was acknowledged; \(seen)\(disk)",
                                        op: index, key: key))
            }
        }
        return result
    }

    /// Visible values that no client operation wrote.
    private func phantoms() -> [Violation] {
        var written = Set<[UInt32]>()  // key, field, value
        for (_, op) in client.ops.history {
            if case .put(let key, let fields) = op.request {
                for f in fields { written.insert([key.raw, f.field.raw, f.value.raw]) }
            }
        }
        var result: [Violation] = []
        for key in (0..<UInt32(sim.keys.strings.count)).map(KeyID.init) {
            for (node, record) in records(key) {
                for f in record.fields where record.isVisible(f, sim.order) && !written.contains([key.raw, f.field.raw, f.value.raw]) {
                    result.append(Violation("phantom: key \(Quoting.word(sim.keys[key])) on \(node): \(describe(f)) was written by no client", key: key))
                }
                if converged { break }
            }
        }
        return result
    }

    // MARK: Streams

    private func streams() -> [Violation] {
        var result: [Violation] = []
        for log in sim.streamLogs where log.client == client.index {
            result += noRegression(log)
            if !log.closed && log.awaySince == nil {
                result += everyWriteSeen(log)
                if converged { result += endsConverged(log) }
            }
        }
        return result
    }

    /// Guarantee 2: sequence numbers without gaps; no field goes back to an older version.
    private func noRegression(_ log: StreamLog) -> [Violation] {
        var result: [Violation] = []
        var previous = log.start
        for (i, view) in log.deliveries.enumerated() {
            if view.sequence != log.deliveries.first!.sequence + i {
                result.append(Violation("stream \(log.name): view #\(view.sequence) breaks the sequence", key: log.key))
            }
            for (j, f) in log.fields.enumerated() where sim.order.less(view.stamps[j], previous.stamps[j]) {
                result.append(Violation("stream \(log.name): view #\(view.sequence) took field \(sim.fields[f]) back "
                    + "from \(describe(previous.stamps[j])) to \(describe(view.stamps[j]))", key: log.key))
            }
            previous = view
        }
        return result
    }

    /// Guarantee 1: each acknowledged write that changed a selected field gave a view, unless a newer
    /// version of the field was delivered, or the write was lost with a disk (the converged data
    /// neither holds nor supersedes it, and a lost disk held it): that is reported as `lost`,
    /// not as a stream guarantee violation.
    private func everyWriteSeen(_ log: StreamLog) -> [Violation] {
        var result: [Violation] = []
        var survivor = ObjectRecord()
        for r in records(log.key) { _ = survivor.merge(r.record, sim.order) }
        for index in log.firstFollowedOp..<client.ops.count {
            guard let op = client.ops[ClientOpID(Int32(index))] else { continue }
            guard let stamp = op.stamp, op.result?.succeeded == true, op.request.key == log.key else { continue }
            var touched: [(field: FieldID, value: ValueID?)] = []
            switch op.request {
            case .put(_, let fields): touched = fields.filter { log.fields.contains($0.field) }.map { ($0.field, $0.value) }
            case .delete(_, let fields) where fields.isEmpty: touched = log.fields.map { ($0, nil) }
            case .delete(_, let fields): touched = fields.filter { log.fields.contains($0) }.map { ($0, nil) }
            default: break
            }
            for (field, value) in touched {
                guard let j = log.fields.firstIndex(of: field) else { continue }
                let views = [log.start] + log.deliveries
                if views.contains(where: { !sim.order.less($0.stamps[j], stamp) }) { continue }
                // Merged by the client (racing writes may be coalesced into no change of value).
                if let live = client.streams[log.name], live.instance == log.instance,
                   !sim.order.less(sim.effectiveStamps(live.state, [field])[0], stamp) { continue }
                // Not delivered at or above this version: fine only if it left the value as it was.
                if views.last?.values[j] == value.flatMap({ $0 == .tombstone ? nil : $0 }) { continue }
                if sim.order.less(sim.effectiveStamps(survivor, [field])[0], stamp),
                   sim.diskThatHeld(log.key, field: field, at: stamp) != nil { continue }
                result.append(Violation("stream \(log.name): \(describeOp(index)) changed field \(sim.fields[field]) "
                    + "but no view delivered it (last view #\(log.last.sequence))", op: index, key: log.key))
            }
        }
        return result
    }

    /// Guarantee 3: the last view equals the selected fields of the converged value, unless the key
    /// lost a version of a selected field with a disk (wiped, or dropped with its node): the view
    /// may show what no disk holds any more.
    private func endsConverged(_ log: StreamLog) -> [Violation] {
        let record = records(log.key).first?.record ?? ObjectRecord()
        let converged = log.fields.map { record.visibleValue($0, sim.order) }
        guard converged != log.last.values else { return [] }
        if sim.diskThatLost(log.key, fields: log.fields, survivor: record) != nil { return [] }
        return [Violation("stream \(log.name): last view #\(log.last.sequence) is \(describeValues(log.fields, log.last.values)) "
            + "but key \(Quoting.word(sim.keys[log.key])) converged to \(describeValues(log.fields, converged))", key: log.key)]
    }

    // MARK: Words

    private func describe(_ stamp: Stamp) -> String {
        stamp.isZero ? "no version" : "\(Durations.text(stamp.time))@\(sim.names[stamp.origin])"
    }

    private func describe(_ f: FieldRecord) -> String {
        "\(sim.fields[f.field])=\(f.isTombstone ? "(deleted)" : Quoting.word(sim.values[f.value])) (\(describe(f.stamp)))"
    }

    private func describeValues(_ fields: [FieldID], _ values: [ValueID?]) -> String {
        let parts = zip(fields, values).compactMap { f, v in v.map { "\(sim.fields[f])=\(Quoting.word(sim.values[$0]))" } }
        return parts.isEmpty ? "(empty)" : parts.joined(separator: " ")
    }

    private func describeOp(_ index: Int) -> String {
        guard let op = client.ops[ClientOpID(Int32(index))] else { return "operation \(index)" }
        let key = Quoting.word(sim.keys[op.request.key])
        let version = op.stamp.map { " (\(describe($0)))" } ?? ""
        switch op.request {
        case .put(_, let fields):
            return "put \(key) " + fields.map { "\(sim.fields[$0.field])=\(Quoting.word(sim.values[$0.value]))" }.joined(separator: " ") + version
        case .delete(_, let fields):
            return "delete \(key)" + fields.map { " " + sim.fields[$0] }.joined() + version
        case .get: return "get \(key)"
        case .register: return "stream registration on \(key)"
        }
    }
}
