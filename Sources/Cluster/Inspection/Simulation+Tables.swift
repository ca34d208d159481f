/// `show` tables, read from the ground truth.
extension Simulation {
    func showRingTokens() -> Table {
        var rows: [[String]] = []
        let ring = groundTruthRing()
        for (t, o) in zip(ring.tokens, ring.owners) {
            rows.append([String(t, radix: 16).leftPadded(16), nodes[o].name])
        }
        return Table(title: "ring (\(ring.tokens.count) tokens)", headers: ["token", "node"], rows: rows)
    }

    func showNodes() -> Table {
        let cluster = members
        var rows: [[String]] = []
        for n in cluster {
            let view = cluster.filter { $0 !== n }.map { o -> String in
                guard let e = n.view[o.index] else { return "\(o.name):?" }
                if e.entry.removed { return "\(o.name):gone" }
                return "\(o.name):\(e.isUp ? "up" : "down")"
            }.joined(separator: " ")
            let keysHeld = n.store.records.filter { $0.exists(order) }.count
            rows.append([n.name, machines[n.index].state.rawValue, String(keysHeld), String(n.hints.hints.count), view])
        }
        return Table(title: "nodes", headers: ["node", "state", "keys", "hints", "view"], rows: rows)
    }

    /// Each node's copy of the key: its store's, then what it holds for other nodes (hints for a
    /// node it stood in for, or data it is handing off as it leaves), marked as such. Owners
    /// first, in preference order.
    func showKey(_ key: String) -> Table {
        let title = "key \(Quoting.word(key))"
        let headers = ["node", "owner", "field", "value", "stamp"]
        guard let id = keys.lookup(key).map(KeyID.init) else { return Table(title: title, headers: headers, rows: []) }
        let ownerList = owners(id)
        var rows: [[String]] = []
        func carried(by n: Node) -> [(object: ObjectRecord, note: String)] {
            n.hints.hints.filter { $0.key == id }.map { ($0.object, "hint for \(endpointName($0.target))") }
                + (n.handoff?.pending ?? []).filter { $0.key == id }.map { ($0.object, "handoff") }
        }
        var holders = members.map { (node: $0, others: carried(by: $0)) }.filter {
            $0.node.store[id] != nil || ownerList.contains($0.node.index) || !$0.others.isEmpty
        }
        holders.sort { a, b in
            let ia = ownerList.firstIndex(of: a.node.index) ?? Int.max, ib = ownerList.firstIndex(of: b.node.index) ?? Int.max
            return ia != ib ? ia < ib : a.node.index < b.node.index
        }
        for (n, others) in holders {
            let owner = ownerList.contains(n.index) ? "yes" : "no"
            if let o = n.store[id] {
                rows += objectRows(o, node: n.name, owner: owner, note: nil)
            } else if others.isEmpty {
                rows.append([n.name, owner, "-", "(none)", ""])
            }
            for c in others { rows += objectRows(c.object, node: n.name, owner: owner, note: c.note) }
        }
        return Table(title: title, headers: headers, rows: rows)
    }

    /// One row per field of `o` (and its tombstone), values marked hidden or deleted, and by `note`.
    private func objectRows(_ o: ObjectRecord, node: String, owner: String, note: String?) -> [[String]] {
        let suffix = note.map { " (\($0))" } ?? ""
        var rows: [[String]] = []
        if !o.tomb.isZero { rows.append([node, owner, "(object)", "(deleted)" + suffix, stamp(o.tomb)]) }
        for f in o.fields.sorted(by: { fields[$0.field] < fields[$1.field] }) {
            var value = f.isTombstone ? "(deleted)" : Quoting.word(values[f.value])
            if !f.isTombstone && !o.isVisible(f, order) { value += " (hidden)" }
            rows.append([node, owner, fields[f.field], value + suffix, stamp(f.stamp)])
        }
        if o.fields.isEmpty && o.tomb.isZero { rows.append([node, owner, "-", "(no fields)" + suffix, ""]) }
        return rows
    }

    private func stamp(_ s: Stamp) -> String { "\(Durations.text(s.time))@\(names[s.origin])" }

    func showStreams() -> Table {
        var rows: [[String]] = []
        for name in client.streams.keys.sorted() {
            guard let s = client.streams[name] else { continue }
            rows.append([name, Quoting.word(keys[s.key]), s.fields.map { fields[$0] }.joined(separator: " "),
                         String(s.sequence), s.connected ? "connected" : "disconnected",
                         String(inFlightReports[s.instance] ?? 0), registrationColumn(s)])
        }
        return Table(title: "streams", headers: ["stream", "key", "fields", "views", "client", "in flight", "registration"],
                     rows: rows)
    }

    /// "in place" when every running owner of the key holds the registration, else who lacks it.
    private func registrationColumn(_ s: StreamClient) -> String {
        let missing = ownersMissingRegistration(of: s)
        if missing.isEmpty { return "in place" }
        return "missing on " + missing.map { nodes[$0].name }.joined(separator: ",")
    }

    func showStats() -> Table {
        var rows: [[String]] = []
        let stats = network.stats
        for k in MessageKind.allCases.sorted(by: { $0.name < $1.name }) {
            let i = k.rawValue
            guard stats.sent[i] + stats.delivered[i] + stats.dropped[i] > 0 else { continue }
            rows.append(["message \(k.name)", String(stats.sent[i]), String(stats.delivered[i]), String(stats.dropped[i])])
        }
        rows.append(["messages (all)", String(stats.totalSent), String(stats.totalDelivered), String(stats.totalDropped)])
        for k in OperationCounter.allCases.sorted(by: { $0.label < $1.label }) where operationCounts[k.rawValue] > 0 {
            rows.append([k.label, String(operationCounts[k.rawValue]), "", ""])
        }
        return Table(title: "stats", headers: ["what", "sent / count", "delivered", "dropped"], rows: rows)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
