/// The five clauses of *converged* (docs/language.md, "Converged"), judged on the ground truth, in words.
extension Simulation {
    /// Unmet clauses; with `firstOnly`, stops at the first (for cheap polling).
    func convergence(firstOnly: Bool = false, limit: Int = 20) -> [String] {
        var unmet: [String] = []
        var more = 0
        func note(_ s: String) -> Bool {
            if unmet.count < limit { unmet.append(s) } else { more += 1 }
            return firstOnly
        }
        let cluster = members
        // (1) Views. A killed or paused node that no running node has heard of (stopped before its
        // join reached anyone) is not required in views: nothing could ever tell them of it.
        let running = cluster.filter { machines[$0.index].state == .running }
        let heardOf = Set(cluster.filter { o in
            machines[o.index].state != .running && running.contains { $0.view[o.index] != nil }
        }.map(\.index))
        for r in running {
            for o in cluster where o !== r {
                let up = r.view.isUp(o.index)
                if machines[o.index].state == .running && !up {
                    if note(r.view[o.index] == nil ? "\(r.name) does not know \(o.name)" : "\(r.name) holds \(o.name) down") { return unmet }
                } else if machines[o.index].state != .running && r.view[o.index] == nil && heardOf.contains(o.index) {
                    if note("\(r.name) does not know \(o.name)") { return unmet }
                } else if machines[o.index].state != .running && up {
                    if note("\(r.name) holds \(o.name) up") { return unmet }
                }
            }
        }
        // (2) Preference lists: running nodes holding identical data. Every node on the ring owns
        // some range, so one down for less than `rehash` is in some key's preference list.
        for n in cluster where machines[n.index].state != .running && !isOutForRehash(n) {
            if note("\(n.name) is \(machines[n.index].state.rawValue) for less than rehash (its ranges are not re-replicated yet)") { return unmet }
        }
        var keySet: Set<KeyID> = []
        for n in cluster {
            for k in n.store.keys { keySet.insert(k) }
            for h in n.hints.hints { keySet.insert(h.key) }
        }
        for key in keySet.sorted() {
            let list = owners(key)
            if let down = list.first(where: { machines[$0].state != .running }) {
                let n = nodes[down]
                if note("key \(Quoting.word(keys[key])): owner \(n.name) is \(machines[down].state.rawValue)") { return unmet }
                continue
            }
            guard let first = list.first else { continue }
            let reference = nodes[first].store[key] ?? ObjectRecord()
            for other in list.dropFirst() {
                let object = nodes[other].store[key] ?? ObjectRecord()
                if object != reference {
                    let what = difference(reference, object)
                    if note("key \(Quoting.word(keys[key])): \(nodes[other].name) differs from \(nodes[first].name) on \(what)") { return unmet }
                }
            }
        }
        // (3) Hints: for a running node; and data a running node holds for a key it is not an
        // owner of (stored, or hinted for a node now out) that the owners lack is pending for them.
        for n in cluster where machines[n.index].state != .killed {
            for h in n.hints.hints where h.target.index < nodes.count && machines[h.target].state == .running
                && !machines[h.target].removed {
                if note("hint pending on \(n.name) for \(nodes[h.target].name) (key \(Quoting.word(keys[h.key])))") { return unmet }
            }
        }
        for line in dataHeldForOwners(cluster) where note(line) { return unmet }
        // (4) Stream reports.
        for instance in inFlightReports.keys.sorted() {
            let name = client(holding: instance)?.streamNames[instance] ?? "a closed stream"
            if note("stream report in flight for \(name)") { return unmet }
        }
        // (5) Registrations of open, connected streams, held by their keys' running owners.
        for client in clients {
            for name in client.streams.keys.sorted() {
                guard let s = client.streams[name], s.connected else { continue }
                for n in ownersMissingRegistration(of: s) {
                    if note("stream \(name): \(nodes[n].name) does not hold its registration") { return unmet }
                }
            }
        }
        if more > 0 { unmet.append("… and \(more) more") }
        return unmet
    }

    /// Running nodes that hold data of a key (in their store, or as hints) that the key's
    /// owners do not hold yet: "n2 still holds chaos-k1 for n1 (field f1)". Stores are scanned
    /// in dictionary order; what is found is sorted (node, key) before it is worded.
    private func dataHeldForOwners(_ cluster: [Node]) -> [String] {
        var lists: [KeyID: [NodeID]] = [:]
        func owners(of key: KeyID) -> [NodeID] {
            if let l = lists[key] { return l }
            let l = self.owners(key)
            lists[key] = l
            return l
        }
        func reference(_ key: KeyID) -> ObjectRecord? {
            guard let first = owners(of: key).first, machines[first].state == .running else { return nil }
            return nodes[first].store[key] ?? ObjectRecord()
        }
        var found: [(node: NodeID, key: KeyID, object: ObjectRecord)] = []
        for n in cluster where machines[n.index].state == .running {
            for (key, object) in n.store.entries where !owners(of: key).contains(n.index) {
                if let r = reference(key), !object.isCovered(by: r, order) { found.append((n.index, key, object)) }
            }
            for h in n.hints.hints {
                if let r = reference(h.key), !h.object.isCovered(by: r, order) { found.append((n.index, h.key, h.object)) }
            }
        }
        found.sort { ($0.node, $0.key) < ($1.node, $1.key) }
        var result: [String] = []
        for (i, f) in found.enumerated() where i == 0 || (found[i - 1].node, found[i - 1].key) != (f.node, f.key) {
            guard let r = reference(f.key) else { continue }
            var merged = r
            _ = merged.merge(f.object, order)
            let whom = owners(of: f.key).map { nodes[$0].name }.joined(separator: ",")
            result.append("\(nodes[f.node].name) still holds \(Quoting.word(keys[f.key])) for \(whom) (\(difference(r, merged)))")
        }
        return result
    }

    private func difference(_ a: ObjectRecord, _ b: ObjectRecord) -> String {
        if a.tomb != b.tomb { return "the object's deletion" }
        var ids = Set(a.fields.map(\.field)).union(b.fields.map(\.field)).sorted()
        ids = ids.filter { a.record(of: $0) != b.record(of: $0) }
        if let f = ids.first { return "field \(fields[f])" }
        return "stream registrations"
    }

    var isConverged: Bool { convergence(firstOnly: true).isEmpty }

    /// Advances in small steps until converged or `limit` has passed.
    func waitConverged(limit: Micros) -> Bool {
        let deadline = now &+ max(0, limit)
        let step: Micros = 50_000
        while true {
            if isConverged { return true }
            if now >= deadline { return false }
            if let interrupt = interruptRequested, interrupt() { return false }
            run(until: min(now &+ step, deadline))
        }
    }
}
