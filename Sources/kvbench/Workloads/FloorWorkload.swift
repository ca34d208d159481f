import Cluster

/// `floor`: the storage work of workload 1 and nothing else, for scale. The same keys and fields,
/// interned as the simulation interns them (FNV-1a, open addressing) and stored on three of 100
/// flat per-node tables with the three fields inline: no events, messages, quorums, versions,
/// Merkle notes or client table. What a put costs here is a floor under what any simulation of
/// it can cost on this machine through a String-keyed API.
enum FloorWorkload {
    static func run(quick: Bool, nodes: Int? = nil, keys: Int? = nil) throws -> [BenchRecord] {
        let keys = keys ?? (quick ? 20_000 : 1_000_000), nodes = nodes ?? 100
        var store = FloorStore(nodes: nodes)
        let wall = Measure.seconds {
            for i in 0..<keys { store.put(PutDriver.keyName(i), PutDriver.fields(i)) }
        }
        let base = DictionaryBaseline.run(keys: keys)
        var verified = store.copies == 3 * keys
        for i in stride(from: 0, to: keys, by: max(1, keys / 100)) where store.get(PutDriver.keyName(i)) != PutDriver.fields(i) {
            verified = false
        }
        var r = BenchRecord(name: "floor", nodes: nodes, keys: keys, ops: keys)
        r["wall_s"] = .double(wall)
        r["ops_per_s"] = .double(Double(keys) / wall)
        r["peak_rss_mb"] = .double(Measure.peakResidentMB())
        r["baseline"] = .string("[String: [String: String]] x3")
        r["baseline_ops_per_s"] = .double(Double(keys) / base.seconds)
        r["ratio"] = .double(base.seconds / wall)
        r["ns_per_op"] = .double(wall * 1e9 / Double(keys))
        r["verified"] = .int(verified ? 1 : 0)
        return [r]
    }
}

/// Strings to dense ids: open addressing on FNV-1a, as the simulation's interner.
private struct FloorInterner {
    var strings: [String] = []
    var hashes: [UInt64] = []
    var slots = [UInt32](repeating: 0, count: 1024)

    static func hash(_ string: String) -> UInt64 {
        var s = string
        return s.withUTF8 { bytes in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return h
        }
    }

    func slot(_ string: String, _ hash: UInt64) -> Int {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while slots[i] != 0, hashes[Int(slots[i] - 1)] != hash || strings[Int(slots[i] - 1)] != string { i = (i + 1) & mask }
        return i
    }

    mutating func intern(_ string: String) -> (id: UInt32, hash: UInt64) {
        let h = Self.hash(string), i = slot(string, h)
        if slots[i] != 0 { return (slots[i] - 1, h) }
        strings.append(string)
        hashes.append(h)
        slots[i] = UInt32(strings.count)
        if strings.count * 2 > slots.count {
            slots = [UInt32](repeating: 0, count: slots.count * 2)
            for (id, h) in hashes.enumerated() { slots[slot(strings[id], h)] = UInt32(id + 1) }
        }
        return (UInt32(strings.count - 1), h)
    }

    func lookup(_ string: String) -> UInt32? {
        let s = slots[slot(string, Self.hash(string))]
        return s == 0 ? nil : s - 1
    }
}

/// Three replicas of each key on flat per-node tables: key id → a record of three inline fields.
private struct FloorStore {
    struct Field: Equatable { var field: UInt32, value: UInt32, stamp: Int64 }
    struct Record { var key: UInt32, fields: (Field, Field, Field) }
    struct Node {
        var records: [Record] = []
        var index = [UInt32](repeating: 0, count: 16)

        func slot(_ key: UInt32) -> Int {
            let mask = index.count - 1
            var i = Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while index[i] != 0 && records[Int(index[i] - 1)].key != key { i = (i + 1) & mask }
            return i
        }

        mutating func put(_ key: UInt32, _ fields: (Field, Field, Field)) {
            let i = slot(key)
            if index[i] != 0 { records[Int(index[i] - 1)].fields = fields; return }
            records.append(Record(key: key, fields: fields))
            index[i] = UInt32(records.count)
            if records.count * 2 > index.count {
                index = [UInt32](repeating: 0, count: index.count * 2)
                for (p, r) in records.enumerated() { index[slot(r.key)] = UInt32(p + 1) }
            }
        }
    }

    var keys = FloorInterner(), names = FloorInterner(), values = FloorInterner()
    var nodes: [Node]
    var stamp: Int64 = 0

    init(nodes: Int) { self.nodes = [Node](repeating: Node(), count: nodes) }

    var copies: Int { nodes.reduce(0) { $0 + $1.records.count } }

    func home(_ hash: UInt64) -> Int { Int(hash % UInt64(nodes.count)) }

    /// Workload 1's puts carry three fields (no more are stored).
    mutating func put(_ key: String, _ fields: [FieldValue]) {
        let (k, h) = keys.intern(key)
        stamp += 1
        func field(_ i: Int) -> Field {
            Field(field: names.intern(fields[i].field).id, value: values.intern(fields[i].value).id, stamp: stamp)
        }
        let f = (field(0), field(1), field(2))
        for r in 0..<3 { nodes[(home(h) + r) % nodes.count].put(k, f) }
    }

    /// A key's fields as every replica holds them, or nil when a replica lacks the key or differs.
    func get(_ key: String) -> [FieldValue]? {
        guard let k = keys.lookup(key) else { return nil }
        let copies = (0..<3).map { r -> Record? in
            let node = nodes[(home(FloorInterner.hash(key)) + r) % nodes.count]
            let p = node.index[node.slot(k)]
            return p == 0 ? nil : node.records[Int(p - 1)]
        }
        guard let first = copies[0], copies.allSatisfy({ $0.map { $0.fields == first.fields } ?? false }) else { return nil }
        return [first.fields.0, first.fields.1, first.fields.2].map { FieldValue(names.strings[Int($0.field)], values.strings[Int($0.value)]) }
    }
}
