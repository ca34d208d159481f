import Cluster

/// `floor`: the storage work of workload 1 and nothing else, for scale. The same keys and fields,
/// interned by the simulation's own `Interner` and stored on three of 100
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
        var r = DictionaryBaseline.record(name: "floor", nodes: nodes, keys: keys, ops: keys, wall: wall,
                                          peakMB: Measure.peakResidentMB())
        var verified = store.copies == 3 * keys
        for i in stride(from: 0, to: keys, by: max(1, keys / 100)) where store.get(PutDriver.keyName(i)) != PutDriver.fields(i) {
            verified = false
        }
        r["verified"] = .int(verified ? 1 : 0)
        return [r]
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

    let keys = Interner(reserveZero: false), names = Interner(reserveZero: false), values = Interner(reserveZero: false)
    var nodes: [Node]
    var stamp: Int64 = 0

    init(nodes: Int) { self.nodes = [Node](repeating: Node(), count: nodes) }

    var copies: Int { nodes.reduce(0) { $0 + $1.records.count } }

    /// The key's first replica, from the hash the interner keeps (as the ring takes its position).
    func home(_ key: UInt32) -> Int { Int(keys.byteHash(of: key) % UInt64(nodes.count)) }

    /// Workload 1's puts carry three fields (no more are stored).
    mutating func put(_ key: String, _ fields: [FieldValue]) {
        let k = keys.intern(key)
        stamp += 1
        func field(_ i: Int) -> Field {
            Field(field: names.intern(fields[i].field), value: values.intern(fields[i].value), stamp: stamp)
        }
        let f = (field(0), field(1), field(2))
        for r in 0..<3 { nodes[(home(k) + r) % nodes.count].put(k, f) }
    }

    /// A key's fields as every replica holds them, or nil when a replica lacks the key or differs.
    func get(_ key: String) -> [FieldValue]? {
        guard let k = keys.lookup(key) else { return nil }
        let copies = (0..<3).map { r -> Record? in
            let node = nodes[(home(k) + r) % nodes.count]
            let p = node.index[node.slot(k)]
            return p == 0 ? nil : node.records[Int(p - 1)]
        }
        guard let first = copies[0], copies.allSatisfy({ $0.map { $0.fields == first.fields } ?? false }) else { return nil }
        return [first.fields.0, first.fields.1, first.fields.2].map { FieldValue(names[$0.field], values[$0.value]) }
    }
}
