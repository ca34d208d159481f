/// A field version: the coordinator's hybrid-logical-clock time and its name (docs/language.md
/// "Client operations"). Later time wins; on equal time the greater name wins.
public struct Version: Comparable, Hashable, Sendable {
    public var time: Micros
    public var coordinator: String
    public init(time: Micros, coordinator: String) {
        self.time = time
        self.coordinator = coordinator
    }
    public static func < (a: Version, b: Version) -> Bool {
        a.time != b.time ? a.time < b.time : a.coordinator < b.coordinator
    }
}

/// One version held on one node's disk (for checkers such as `check`; ground truth, read-only).
public struct StoredField: Equatable, Sendable {
    public var node: String
    public var nodeState: NodeState
    /// nil: the whole-object tombstone.
    public var field: String?
    /// nil: a tombstone.
    public var value: String?
    public var version: Version
    /// Whether a read would see it (not hidden by a newer object tombstone, not a tombstone).
    public var visible: Bool
}

extension Cluster {
    /// The version an acknowledged put or delete was stamped with; nil until then (or for a get).
    public func version(of id: OperationID) -> Version? {
        guard id.raw >= 0, id.raw <= Int(Int32.max), let s = sim.client.ops[ClientOpID(Int32(id.raw))]?.stamp else { return nil }
        return Version(time: s.time, coordinator: sim.names[s.origin])
    }

    /// Every version of `key` on every node's disk (killed nodes included; removed ones not),
    /// by node in the order they were added, then field name.
    public func storedFields(of key: String) -> [StoredField] {
        guard let id = sim.keys.lookup(key).map(KeyID.init) else { return [] }
        var result: [StoredField] = []
        for n in sim.members {
            guard let o = n.store[id] else { continue }
            if !o.tomb.isZero {
                result.append(StoredField(node: n.name, nodeState: sim.machines[n.index].state, field: nil, value: nil,
                                          version: Version(time: o.tomb.time, coordinator: sim.names[o.tomb.origin]),
                                          visible: false))
            }
            for f in o.fields.sorted(by: { sim.fields[$0.field] < sim.fields[$1.field] }) {
                result.append(StoredField(node: n.name, nodeState: sim.machines[n.index].state, field: sim.fields[f.field],
                                          value: f.isTombstone ? nil : sim.values[f.value],
                                          version: Version(time: f.stamp.time, coordinator: sim.names[f.stamp.origin]),
                                          visible: o.isVisible(f, sim.order)))
            }
        }
        return result
    }
}
