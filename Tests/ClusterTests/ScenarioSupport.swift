@testable import Cluster

/// Helpers shared by scenario tests.
final class Recorder {
    var views: [StreamView] = []

    func attach(_ cluster: Cluster) {
        cluster.onEvent = { [unowned self] event in
            switch event {
            case .delivery(let v): self.views.append(v)
            case .trace: break
            }
        }
    }

    func take(_ stream: String) -> [[FieldValue]] {
        let mine = views.filter { $0.stream == stream }
        views.removeAll { $0.stream == stream }
        return mine.map(\.fields)
    }
}

extension Cluster {
    func put(_ key: String, _ fields: [(String, String)], via: String? = nil) throws -> ClientResult {
        try perform(.put(key: key, fields: fields.map { FieldValue($0.0, $0.1) }, via: via))
    }

    func get(_ key: String, _ fields: [String] = [], via: String? = nil) throws -> [FieldValue]? {
        let r = try perform(.get(key: key, fields: fields, via: via))
        if case .read(let f, _, _) = r { return f }
        return [FieldValue("<failed>", "\(r)")]
    }

    func delete(_ key: String, _ fields: [String] = [], via: String? = nil) throws -> ClientResult {
        try perform(.delete(key: key, fields: fields, via: via))
    }

    /// The stored object of `key` on `node`, as visible field values in name order.
    func replica(_ node: String, _ key: String) -> [FieldValue] {
        guard let i = sim.nameIndex[node], let k = sim.keys.lookup(key).map({ KeyID($0) }),
              let o = sim.nodes[i].store[k] else { return [] }
        return o.fields.filter { o.isVisible($0, sim.order) }
            .map { FieldValue(sim.fields[$0.field], sim.values[$0.value]) }
            .sorted { $0.field < $1.field }
    }
}

func fv(_ pairs: (String, String)...) -> [FieldValue] { pairs.map { FieldValue($0.0, $0.1) } }

/// A fresh cluster of n1 n2 n3 with `change` applied to the default settings.
func threeNodes(seed: UInt64 = 1, _ change: (inout Settings) -> Void = { _ in }) throws -> Cluster {
    var settings = Settings()
    change(&settings)
    let c = Cluster(seed: seed, settings: settings)
    try c.add(["n1", "n2", "n3"])
    return c
}
