/// A consistent-hashing ring: tokens sorted clockwise, each owned by a node.
/// Built from the members' tokens only, so a join adds its own tokens and nothing else moves.
struct Ring {
    private(set) var tokens: [UInt64] = []
    private(set) var owners: [NodeID] = []
    /// Distinct nodes on the ring.
    private(set) var nodeCount = 0
    /// Where `firstIndex(atOrAfter:)` starts looking: per bucket of the 64-bit ring (the top bits
    /// of a position), the index of the first token in or after it. Tokens are hashes, spread
    /// evenly, and there are at least as many buckets as tokens, so a lookup reads about one
    /// token past its bucket's start instead of binary-searching a thousand-node ring's 8,000
    /// tokens (a cache miss a step), for every request and every replica's write.
    private var buckets: [Int32] = []
    private var bucketShift: UInt64 = 64

    init() {}

    /// `members`: each node with its tokens.
    init(members: [(node: NodeID, tokens: [UInt64])]) { self = Ring().adding(members) }

    /// This ring with `added` members' tokens merged in: the same ring as one built with them
    /// among the members, in O(tokens) (a merge with the new tokens, sorted) instead of a sort of
    /// every token. Nodes learn of members a gossip at a time, so a thousand-node cluster's
    /// nodes rebuild their rings often.
    func adding(_ added: [(node: NodeID, tokens: [UInt64])]) -> Ring {
        var extra: [TokenOwner] = []
        extra.reserveCapacity(added.reduce(0) { $0 + $1.tokens.count })
        for m in added { for t in m.tokens { extra.append(TokenOwner(token: t, owner: m.node)) } }
        extra.sort()
        var r = Ring()
        r.tokens.reserveCapacity(tokens.count + extra.count)
        r.owners.reserveCapacity(tokens.count + extra.count)
        var i = 0, j = 0
        while i < tokens.count || j < extra.count {
            let takeOld = j == extra.count
                || (i < tokens.count && (tokens[i] != extra[j].token ? tokens[i] < extra[j].token : owners[i] < extra[j].owner))
            if takeOld {
                r.tokens.append(tokens[i])
                r.owners.append(owners[i])
                i += 1
            } else {
                r.tokens.append(extra[j].token)
                r.owners.append(extra[j].owner)
                j += 1
            }
        }
        r.nodeCount = nodeCount + added.filter { !$0.tokens.isEmpty }.count
        r.indexBuckets()
        return r
    }

    private mutating func indexBuckets() {
        guard !tokens.isEmpty else { return }
        var bits: UInt64 = 0
        while (1 << bits) < tokens.count { bits += 1 }
        bucketShift = 64 - bits
        buckets = [Int32](unsafeUninitializedCapacity: 1 << bits) { buckets, count in
            var i = 0
            for b in 0..<(1 << bits) {
                let start = UInt64(b) << bucketShift  // a shift by 64 (one bucket) gives 0
                while i < tokens.count && tokens[i] < start { i += 1 }
                buckets.initializeElement(at: b, to: Int32(i))
            }
            count = 1 << bits
        }
    }

    var isEmpty: Bool { tokens.isEmpty }

    /// A ring's storage, as a name for the ring: two rings alive at once with the same identity
    /// are copies of one ring (the same tokens and owners). Only compared while both rings are
    /// held (storage freed could be reused by another ring).
    struct Identity: Equatable {
        fileprivate var tokens: UnsafeRawPointer?
        fileprivate var owners: UnsafeRawPointer?
        fileprivate var count: Int
    }

    var identity: Identity {
        Identity(tokens: tokens.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
                 owners: owners.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
                 count: tokens.count)
    }

    /// Index of the first token at or after `position` (wrapping to 0).
    func firstIndex(atOrAfter position: UInt64) -> Int {
        guard !buckets.isEmpty else { return 0 }
        return tokens.withUnsafeBufferPointer { tokens in
            var i = Int(buckets[Int(position >> bucketShift)])
            while i < tokens.count && tokens[i] < position { i += 1 }
            return i == tokens.count ? 0 : i
        }
    }

    /// Visits distinct nodes clockwise from `position` until `visit` returns false or all are seen.
    /// Runs per request on every node, so a walk that stops within a few nodes (nearly all)
    /// allocates nothing: the first nodes seen are kept in a small buffer on the stack (one sized
    /// for every node of a thousand-node ring would be taken from the heap), later ones in an
    /// array.
    func walk(from position: UInt64, _ visit: (NodeID) -> Bool) {
        if tokens.isEmpty { return }
        withUnsafeTemporaryAllocation(of: NodeID.self, capacity: Self.walkBuffer) { near in
            var nearCount = 0
            var far: [NodeID] = []
            var i = firstIndex(atOrAfter: position)
            for _ in 0..<tokens.count {
                let node = owners[i]
                var already = false
                for j in 0..<nearCount where near[j] == node {
                    already = true
                    break
                }
                if !already && nearCount == near.count { already = far.contains(node) }
                if !already {
                    if nearCount < near.count {
                        near[nearCount] = node
                        nearCount += 1
                    } else {
                        far.append(node)
                    }
                    if !visit(node) { return }
                    if nearCount + far.count == nodeCount { return }
                }
                i += 1
                if i == tokens.count { i = 0 }
            }
        }
    }

    /// Distinct nodes a walk keeps on the stack (128 bytes).
    private static let walkBuffer = 32

    /// Whether `node` is among the first `count` distinct nodes clockwise from `position`
    /// accepted by `include`; also true when `include` accepts none (no one else could own it).
    func isAmong(_ node: NodeID, from position: UInt64, count: Int, include: (NodeID) -> Bool) -> Bool {
        var found = false, accepted = 0
        walk(from: position) { n in
            guard include(n) else { return true }
            accepted += 1
            if n == node { found = true; return false }
            return accepted < count
        }
        return found || accepted == 0
    }

    /// The first `count` distinct nodes clockwise from `position` accepted by `include`.
    func preferenceList(from position: UInt64, count: Int, include: (NodeID) -> Bool) -> [NodeID] {
        var list: [NodeID] = []
        if count <= 0 { return list }
        walk(from: position) { node in
            if include(node) { list.append(node) }
            return list.count < count
        }
        return list
    }
}

/// A token and its node, ordered by token, then node (two nodes may draw the same token).
private struct TokenOwner: Comparable {
    var token: UInt64
    var owner: NodeID

    static func < (a: TokenOwner, b: TokenOwner) -> Bool {
        a.token != b.token ? a.token < b.token : a.owner < b.owner
    }
}
