/// `show` tables, read from the ground truth.
extension Simulation {
    func showRing() -> Table {
        var rows: [[String]] = []
        let ring = groundTruthRing()
        for (t, o) in zip(ring.tokens, ring.owners) {
            rows.append([String(t, radix: 16).leftPadded(16), nodes[Int(o)].name])
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
            rows.append([n.name, n.state.rawValue, String(keysHeld), String(n.hints.hints.count), view])
        }
        return Table(title: "nodes", headers: ["node", "state", "keys", "hints", "view"], rows: rows)
    }

    func showKey(_ key: String) -> Table {
        let title = "key \(key)"
        let headers = ["node", "owner", "field", "value", "stamp"]
        guard let id = keys.lookup(key) else { return Table(title: title, headers: headers, rows: []) }
        let ownerList = owners(id)
        var rows: [[String]] = []
        var holders = members.filter { $0.store[id] != nil || ownerList.contains($0.index) }
        holders.sort { a, b in
            let ia = ownerList.firstIndex(of: a.index) ?? Int.max, ib = ownerList.firstIndex(of: b.index) ?? Int.max
            return ia != ib ? ia < ib : a.index < b.index
        }
        for n in holders {
            let owner = ownerList.contains(n.index) ? "yes" : "no"
            guard let o = n.store[id] else {
                rows.append([n.name, owner, "-", "(none)", ""])
                continue
            }
            if !o.tomb.isZero { rows.append([n.name, owner, "(object)", "(deleted)", stamp(o.tomb)]) }
            for f in o.fields.sorted(by: { fields[$0.field] < fields[$1.field] }) {
                var value = f.isTombstone ? "(deleted)" : values[f.value]
                if !f.isTombstone && !o.isVisible(f, order) { value += " (hidden)" }
                rows.append([n.name, owner, fields[f.field], value, stamp(f.stamp)])
            }
            if o.fields.isEmpty && o.tomb.isZero { rows.append([n.name, owner, "-", "(no fields)", ""]) }
        }
        return Table(title: title, headers: headers, rows: rows)
    }

    private func stamp(_ s: Stamp) -> String { "\(formatTime(s.time))@\(names[s.origin])" }

    func showStreams() -> Table {
        var rows: [[String]] = []
        for name in streams.keys.sorted() {
            guard let s = streams[name] else { continue }
            rows.append([name, keys[s.key], s.fields.map { fields[$0] }.joined(separator: " "),
                         String(s.sequence), s.connected ? "connected" : "disconnected",
                         String(inFlightReports[s.instance] ?? 0)])
        }
        return Table(title: "streams", headers: ["stream", "key", "fields", "views", "client", "in flight"], rows: rows)
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
