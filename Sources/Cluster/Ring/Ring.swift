/// A consistent-hashing ring: tokens sorted clockwise, each owned by a node.
/// Built from the members' tokens only, so a join adds its own tokens and nothing else moves.
struct Ring {
    private(set) var tokens: [UInt64] = []
    private(set) var owners: [Int32] = []

    init() {}

    /// `members`: each node with its tokens.
    init(members: [(node: Int32, tokens: [UInt64])]) {
        var pairs: [(UInt64, Int32)] = []
        for m in members { for t in m.tokens { pairs.append((t, m.node)) } }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        tokens = pairs.map(\.0)
        owners = pairs.map(\.1)
    }

    var isEmpty: Bool { tokens.isEmpty }

    /// Index of the first token at or after `position` (wrapping to 0).
    func firstIndex(atOrAfter position: UInt64) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid] < position { lo = mid + 1 } else { hi = mid }
        }
        return lo == tokens.count ? 0 : lo
    }

    /// Visits distinct nodes clockwise from `position` until `visit` returns false or all are seen.
    func walk(from position: UInt64, _ visit: (Int32) -> Bool) {
        if tokens.isEmpty { return }
        var seen: [Int32] = []
        var i = firstIndex(atOrAfter: position)
        for _ in 0..<tokens.count {
            let node = owners[i]
            if !seen.contains(node) {
                seen.append(node)
                if !visit(node) { return }
            }
            i += 1
            if i == tokens.count { i = 0 }
        }
    }

    /// The first `count` distinct nodes clockwise from `position` accepted by `include`.
    func preferenceList(from position: UInt64, count: Int, include: (Int32) -> Bool) -> [Int32] {
        var list: [Int32] = []
        if count <= 0 { return list }
        walk(from: position) { node in
            if include(node) { list.append(node) }
            return list.count < count
        }
        return list
    }
}
