/// A node's anti-entropy index: for each range of its ring, the keys it stores there and the
/// root of their Merkle tree. Memory, not disk: lost with a kill and rebuilt from the store.
///
/// Writes only note their key (`touch`, an append); `refresh`, run before anti-entropy reads the
/// index, files the noted keys under their ranges and re-hashes only those ranges. Too many notes
/// to replay (more than the store holds keys) or a new ring rebuilds it from the whole store.
struct MerkleIndex {
    /// The ring the ranges are of.
    private(set) var ring = Ring()
    /// Keys stored in each range, ascending (of ranges not `dirty`).
    private var keys: [[UInt32]] = []
    private var roots: [UInt64] = []
    /// Ranges with keys filed since they were last hashed.
    private var dirty: [Int] = []
    private var isDirty: [Bool] = []
    /// Keys changed since the last refresh (in any order, repeats allowed).
    private var touched: [UInt32] = []
    /// The index must be rebuilt from the whole store.
    private var stale = true

    /// Notes that `key` changed in a store holding `storeCount` keys.
    mutating func touch(_ key: UInt32, storeCount: Int) {
        if stale { return }
        touched.append(key)
        if touched.count > max(1024, storeCount) { invalidate() }
    }

    /// Forgets everything: the next refresh rebuilds from the store.
    mutating func invalidate() {
        stale = true
        touched = []
    }

    /// Brings the index up to date with `store` for `ring` (`positions`: ring position per key id).
    mutating func refresh(ring newRing: Ring, store: Store, positions: [UInt64]) {
        if stale || newRing.tokens != ring.tokens {
            ring = newRing
            keys = [[UInt32]](repeating: [], count: ring.rangeCount)
            roots = [UInt64](repeating: 0, count: ring.rangeCount)
            isDirty = [Bool](repeating: false, count: ring.rangeCount)
            dirty = []
            touched = []
            stale = false
            if ring.rangeCount == 0 { return }
            for key in store.objects.keys { file(key, positions) }
        } else {
            for key in touched { file(key, positions) }
            touched.removeAll(keepingCapacity: true)
        }
        for r in dirty {
            // Sorted, once each, and only keys the store still holds.
            var list = keys[r]
            list.sort()
            var kept: [UInt32] = []
            kept.reserveCapacity(list.count)
            for (i, k) in list.enumerated() where i == 0 || list[i - 1] != k {
                if let o = store[k], !o.isEmpty { kept.append(k) }
            }
            keys[r] = kept
            roots[r] = Self.tree(of: kept, store, positions).root
            isDirty[r] = false
        }
        dirty.removeAll(keepingCapacity: true)
    }

    private mutating func file(_ key: UInt32, _ positions: [UInt64]) {
        let r = ring.range(of: positions[Int(key)])
        keys[r].append(key)
        if !isDirty[r] {
            isDirty[r] = true
            dirty.append(r)
        }
    }

    /// Keys stored in `range`, ascending.
    func keys(ofRange range: Int) -> [UInt32] { keys[range] }

    func root(ofRange range: Int) -> UInt64 { roots[range] }

    /// The keys of `range` left the store (rehomed).
    mutating func clear(range: Int) {
        keys[range] = []
        roots[range] = 0
    }

    /// Keys stored in `arc` (a range of another node's ring, which may cut across this one's), ascending.
    func keys(in arc: RangeArc, _ positions: [UInt64]) -> [UInt32] {
        if let r = ring.range(exactly: arc) { return keys[r] }
        var result: [UInt32] = []
        for r in ring.ranges(overlapping: arc) {
            for k in keys[r] where arc.contains(positions[Int(k)]) { result.append(k) }
        }
        result.sort()
        return result
    }

    /// The root of `arc` when it is a range of this index's ring (no tree to build).
    func cachedRoot(of arc: RangeArc) -> UInt64? {
        ring.range(exactly: arc).map { roots[$0] }
    }

    /// The tree of `keys` as `store` holds them.
    static func tree(of keys: [UInt32], _ store: Store, _ positions: [UInt64]) -> MerkleTree {
        MerkleTree(keys.lazy.compactMap { k in
            guard let o = store[k], !o.isEmpty else { return nil }
            return (position: positions[Int(k)], digest: o.digest)
        })
    }
}
