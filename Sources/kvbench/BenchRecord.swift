/// One JSON object of `--json`: the common fields first, then the workload's own, in insertion order.
struct BenchRecord {
    enum Value {
        case int(Int)
        case double(Double)
        case string(String)
        case null

        var json: String {
            switch self {
            case .int(let n): "\(n)"
            case .double(let d): d.isFinite ? String(format3(d)) : "null"
            case .string(let s): "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
            case .null: "null"
            }
        }
    }

    private(set) var fields: [(String, Value)] = []

    /// The fields every object carries, in this order (null where a workload has no such figure),
    /// so that a reader of `--json` finds each of them in every line.
    static let commonFields = ["name", "nodes", "keys", "ops", "wall_s", "ops_per_s", "events_per_s", "peak_rss_mb",
                               "baseline", "baseline_ops_per_s", "ratio", "ns_per_op"]

    init(name: String, nodes: Int?, keys: Int?, ops: Int?) {
        fields = Self.commonFields.map { ($0, Value.null) }
        self["name"] = .string(name)
        self["nodes"] = nodes.map(Value.int) ?? .null
        self["keys"] = keys.map(Value.int) ?? .null
        self["ops"] = ops.map(Value.int) ?? .null
    }

    var name: String? {
        if case .string(let n)? = self["name"] { return n }
        return nil
    }

    subscript(key: String) -> Value? {
        get { fields.first { $0.0 == key }?.1 }
        set {
            if let i = fields.firstIndex(where: { $0.0 == key }) {
                if let newValue { fields[i].1 = newValue } else { fields.remove(at: i) }
            } else if let newValue {
                fields.append((key, newValue))
            }
        }
    }

    /// A numeric field, whether it was written as an integer or not (a whole number reads back
    /// from JSON as one).
    func number(_ key: String) -> Double? {
        switch self[key] {
        case .double(let d)?: d
        case .int(let n)?: Double(n)
        default: nil
        }
    }

    /// Several runs of one workload and size, each from a process of its own, as one record: the
    /// run with the least `wall_s`; the fastest baseline of them all and the ratio to it; failures
    /// summed, verified only if every run was; and each run's `figure` (and its baseline's ns an
    /// operation, after a `/`) in `runs`.
    static func fastest(of runs: [BenchRecord], figure: String) -> BenchRecord? {
        guard var best = runs.min(by: { ($0.number("wall_s") ?? .infinity) < ($1.number("wall_s") ?? .infinity) })
        else { return nil }
        guard runs.count > 1 else { return best }
        if let baseline = runs.compactMap({ $0.number("baseline_ops_per_s") }).max(), let ours = best.number("ops_per_s") {
            best["baseline_ops_per_s"] = .double(baseline)
            best["ratio"] = .double(ours / baseline)
        }
        if best["failed"] != nil { best["failed"] = .int(Int(runs.compactMap { $0.number("failed") }.reduce(0, +))) }
        if best["verified"] != nil { best["verified"] = .int(runs.allSatisfy { $0.number("verified") == 1 } ? 1 : 0) }
        best["runs"] = .string(runs.map { r in
            let ours = r.number(figure).map(format3) ?? "-"
            guard let base = r.number("baseline_ops_per_s") else { return ours }
            return ours + "/" + format3((1e9 / base).rounded())
        }.joined(separator: " "))
        return best
    }

    var json: String {
        "{" + fields.map { "\"\($0.0)\": \($0.1.json)" }.joined(separator: ", ") + "}"
    }

    /// Parses a line this type wrote (flat object of numbers, strings and nulls).
    init?(json line: String) {
        var text = Substring(line.trimmingBlanks)
        guard text.hasPrefix("{"), text.hasSuffix("}") else { return nil }
        text = text.dropFirst().dropLast()
        while !text.isEmpty {
            text = text.drop { $0 == " " || $0 == "," }
            guard text.first == "\"", let close = text.dropFirst().firstIndex(of: "\"") else { break }
            let key = String(text[text.index(after: text.startIndex)..<close])
            text = text[text.index(after: close)...].drop { $0 == ":" || $0 == " " }
            let value: Value
            if text.first == "\"" {
                var s = "", escaped = false, end = text.endIndex
                for i in text.indices.dropFirst() {
                    let c = text[i]
                    if escaped { s.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { end = i; break } else { s.append(c) }
                }
                value = .string(s)
                text = end < text.endIndex ? text[text.index(after: end)...] : ""
            } else {
                let token = text.prefix { $0 != "," && $0 != " " }
                text = text.dropFirst(token.count)
                if token == "null" { value = .null } else if let n = Int(token) { value = .int(n) } else if let d = Double(token) { value = .double(d) } else { return nil }
            }
            fields.append((key, value))
        }
    }
}

/// A double with at most 3 decimals, no exponent.
func format3(_ d: Double) -> String {
    let scaled = (d * 1000).rounded()
    guard abs(scaled) < 9e15 else { return String(Int64(d)) }
    let n = Int64(scaled)
    let whole = n / 1000, frac = abs(n % 1000)
    if frac == 0 { return "\(whole)" }
    var f = String(frac)
    f = String(repeating: "0", count: 3 - f.count) + f
    while f.hasSuffix("0") { f.removeLast() }
    return (n < 0 && whole == 0 ? "-" : "") + "\(whole).\(f)"
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
    var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
    }
}
