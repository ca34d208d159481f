/// The hash tree of one range's keys, as anti-entropy compares it: a root, `fanout` branches and
/// `fanout`² leaves (16 and 256). A key's leaf is the low 8 bits of its ring position (positions
/// are stable hashes, so keys spread evenly however narrow the range). A leaf's hash is the
/// wrapping sum of its keys' item hashes, so it does not depend on the order keys are added in;
/// a branch or the root hashes its children in order (SplitMix64's finaliser, word by word), and
/// a node with nothing under it hashes to 0 (an empty range's root is 0).
///
/// Two replicas with the same data in a range have the same root; where they differ, only the
/// leaves holding differing keys differ, and the branches above them.
struct MerkleTree: Equatable {
    static let fanout = 16
    /// Levels below the root: 0 is the root, 1 the branches, 2 the leaves.
    static let leafLevel = 2
    static let leafCount = fanout * fanout

    /// Hashes by level: `[root]`, then the branches, then the leaves.
    private(set) var levels: [[UInt64]]

    var root: UInt64 { levels[0][0] }
    var leaves: [UInt64] { levels[Self.leafLevel] }

    /// A key's leaf.
    static func leaf(ofPosition position: UInt64) -> Int { Int(position & UInt64(leafCount - 1)) }

    /// What one key adds to its leaf: its position (which names the key) mixed with its object's
    /// digest.
    static func itemHash(position: UInt64, digest: UInt64) -> UInt64 {
        SplitMix64.mix(position ^ SplitMix64.mix(digest))
    }

    /// The tree of no keys.
    init() {
        levels = (0...Self.leafLevel).map { [UInt64](repeating: 0, count: Self.width(ofLevel: $0)) }
    }

    /// The tree of these keys (each with its ring position and object digest), in any order.
    init(_ items: some Sequence<(position: UInt64, digest: UInt64)>) {
        self.init(hashed: items.lazy.map { item in
            (leaf: Self.leaf(ofPosition: item.position), hash: Self.itemHash(position: item.position, digest: item.digest))
        })
    }

    /// The tree of these item hashes (each with its key's leaf), in any order.
    init(hashed items: some Sequence<(leaf: Int, hash: UInt64)>) {
        self.init()
        for item in items { levels[Self.leafLevel][item.leaf] &+= item.hash }
        hashBranches()
    }

    /// The tree over these leaf hashes (`leafCount` of them: each the sum of its keys' item hashes).
    init(leaves: [UInt64]) {
        self.init()
        levels[Self.leafLevel] = leaves
        hashBranches()
    }

    /// Hashes every level above the leaves from the one below.
    private mutating func hashBranches() {
        for level in stride(from: Self.leafLevel - 1, through: 0, by: -1) {
            for i in 0..<Self.width(ofLevel: level) {
                levels[level][i] = Self.combine(levels[level + 1][i * Self.fanout..<(i + 1) * Self.fanout])
            }
        }
    }

    /// The root `MerkleTree(hashed: items)` would have; for a few keys without building the tree
    /// (only the branches holding keys are hashed, the others are 0), so small ranges cost little.
    static func root(hashed items: [(leaf: Int, hash: UInt64)]) -> UInt64 {
        if items.isEmpty { return 0 }
        if items.count >= leafCount / 8 { return MerkleTree(hashed: items).root }
        let byLeaf = items.sorted { $0.leaf < $1.leaf }
        var branches = [UInt64](repeating: 0, count: fanout)
        var leaves = [UInt64](repeating: 0, count: fanout)
        var i = 0
        while i < byLeaf.count {
            let branch = byLeaf[i].leaf / fanout
            for l in leaves.indices { leaves[l] = 0 }
            while i < byLeaf.count && byLeaf[i].leaf / fanout == branch {
                leaves[byLeaf[i].leaf % fanout] &+= byLeaf[i].hash
                i += 1
            }
            branches[branch] = combine(leaves[...])
        }
        return combine(branches[...])
    }

    /// How many nodes `level` has.
    static func width(ofLevel level: Int) -> Int {
        var w = 1
        for _ in 0..<level { w *= fanout }
        return w
    }

    /// The hash of node `index` of `level`, or nil when there is no such node.
    func hash(level: Int, index: Int) -> UInt64? {
        guard levels.indices.contains(level), levels[level].indices.contains(index) else { return nil }
        return levels[level][index]
    }

    /// The hashes of the children of node `index` of `level` (a level above the leaves).
    func children(level: Int, index: Int) -> [UInt64] {
        Array(levels[level + 1][index * Self.fanout..<(index + 1) * Self.fanout])
    }

    /// A node's hash from its children's, in order: each folded in through the SplitMix64
    /// finaliser (a word at a time: cheaper than FNV-1a's byte at a time, as stable).
    static func combine(_ children: some Collection<UInt64>) -> UInt64 {
        guard children.contains(where: { $0 != 0 }) else { return 0 }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for c in children { h = SplitMix64.mix(h ^ c) &+ 0x9E37_79B9_7F4A_7C15 }
        return h
    }
}
