/// A node's anti-entropy index: for each range of its ring, the keys it stores there with their
/// item hashes (`MerkleTree.itemHash`), and the root of their tree. Memory, not disk: lost with a
/// kill and rebuilt from the store.
///
/// Writes only note their key under its range, with its new item hash (`touch`, an append: the
/// object is hashed while the write has it at hand, not read again later); `refresh`, run
/// before anti-entropy reads the index, takes the noted items and re-sums only their ranges'
/// roots, and only of the ranges it is asked about (an exchange with one peer reads the few
/// ranges the two share). More notes than the store holds keys, or a new ring, rebuild it all.
struct MerkleIndex {
    /// One range's keys, ascending, with their item hashes, and the root of their tree.
    struct Entries {
        var keys: [KeyID] = []
        var items: [UInt64] = []
        var root: UInt64 = 0
        /// The tree's branch hashes (empty while the range holds no key): a refresh hashes again
        /// only the branches above changed keys, then the root. A thousand-node cluster's ranges
        /// hold a dozen keys each and are refreshed by nearly every exchange, and hashing every
        /// branch each time cost more than the writes.
        var branches: [UInt64] = []
        /// The tree's leaf sums, kept once the range holds `leavesFrom` keys (empty below that,
        /// where hashing the few keys again is cheaper than 2 KB of sums a range).
        var leaves: [UInt64] = []

        static let leavesFrom = 64
    }

    /// The ring the ranges are of.
    private(set) var ring = Ring()
    /// Per range of the ring, its slot in `ranges` and `touched` (-1: none). Only ranges that
    /// hold keys get a slot: a node of a thousand-node ring stores keys in a few dozen of its
    /// 8,000 ranges, and the index is rebuilt whenever the ring changes.
    ///
    /// Internal (not private), as the state below: read by MerkleIndex+Invariants.swift, and
    /// `ranges` corrupted by its tests.
    private(set) var slotOfRange: [Int32] = []
    /// Per slot, its range.
    private(set) var rangeOfSlot: [Int32] = []
    var ranges: [Entries] = []
    /// A key noted since its range's last refresh, with the item hash of what the store held
    /// for it then (none when it held nothing).
    struct Note {
        var key: KeyID
        private var held: Bool
        private var hash: UInt64

        init(key: KeyID, item: UInt64?) {
            self.key = key
            held = item != nil
            hash = item ?? 0
        }

        var item: UInt64? { held ? hash : nil }
    }

    /// Notes since their range's last refresh, by slot (any order, repeats allowed).
    private(set) var touched: [[Note]] = []
    private(set) var touchedCount = 0
    /// The index must be rebuilt from the whole store.
    private(set) var stale = true

    /// Notes that the store, now holding `storeCount` keys, holds for `key` (at `place` on the
    /// node's ring) a record whose item hash is `item` (`item(_:at:)`; nil: nothing). The place's
    /// range is this index's when both are of one ring (the usual case).
    mutating func touch(_ key: KeyID, item: UInt64?, at place: KeyPlace, storeCount: Int) {
        if stale || ring.isEmpty { return }
        let sameRing = place.isOnRing && ring.identity == place.ring
        let note = Note(key: key, item: item)
        self.note(note, inRange: sameRing ? place.range : ring.range(of: place.position))
        if touchedCount > max(1024, storeCount) { invalidate() }
    }

    private mutating func note(_ note: Note, inRange r: Int) {
        var slot = Int(slotOfRange[r])
        if slot < 0 {
            slot = ranges.count
            slotOfRange[r] = Int32(slot)
            rangeOfSlot.append(Int32(r))
            ranges.append(Entries())
            touched.append([])
        }
        touched[slot].append(note)
        touchedCount += 1
    }

    private func slot(ofRange r: Int) -> Int? {
        let slot = slotOfRange[r]
        return slot < 0 ? nil : Int(slot)
    }

    /// Forgets everything: the next refresh rebuilds from the store.
    mutating func invalidate() {
        stale = true
        touched = []
        touchedCount = 0
    }

    /// Brings every range up to date with `store` for `ring` (`positions`: ring position per key).
    mutating func refresh(ring newRing: Ring, store: Store, positions: [UInt64]) {
        #if DEBUG
        defer { checkRefreshed(slot: nil, positions: positions, store: store) }
        #endif
        guard sync(ring: newRing, store: store, positions: positions) else { return }
        for slot in touched.indices where !touched[slot].isEmpty { refresh(slot: slot, store, positions) }
    }

    /// Brings the ranges that `arcs` (ranges of this ring or another) overlap up to date.
    mutating func refresh(ring newRing: Ring, store: Store, positions: [UInt64], overlapping arcs: [RangeArc]) {
        #if DEBUG
        defer { checkRefreshed(slot: nil, positions: positions, store: store) }
        #endif
        guard sync(ring: newRing, store: store, positions: positions) else { return }
        for arc in arcs {
            if let r = ring.range(exactly: arc) {  // the usual case: a range of this ring
                refresh(range: r, store, positions)
            } else {
                for r in ring.ranges(overlapping: arc) { refresh(range: r, store, positions) }
            }
        }
    }

    /// Takes `newRing`, rebuilding the index from the whole store when it is stale or the ring
    /// changed; false when nothing is left to refresh.
    private mutating func sync(ring newRing: Ring, store: Store, positions: [UInt64]) -> Bool {
        // Owners too: a node removed and added again under its name has the same tokens under a
        // new index, and anti-entropy reads the preference lists off this ring.
        guard stale || newRing.tokens != ring.tokens || newRing.owners != ring.owners else { return touchedCount > 0 }
        ring = newRing
        slotOfRange = [Int32](repeating: -1, count: ring.rangeCount)
        rangeOfSlot = []
        ranges = []
        touched = []
        touchedCount = 0
        stale = false
        if ring.isEmpty { return false }
        for (key, object) in store.entries {
            let position = positions[key.index]
            note(Note(key: key, item: Self.item(object, at: position)), inRange: ring.range(of: position))
        }
        return true
    }

    private mutating func refresh(range r: Int, _ store: Store, _ positions: [UInt64]) {
        if let slot = slot(ofRange: r), !touched[slot].isEmpty { refresh(slot: slot, store, positions) }
    }

    private mutating func refresh(slot: Int, _ store: Store, _ positions: [UInt64]) {
        touchedCount -= touched[slot].count
        touched[slot].sort { $0.key < $1.key }
        ranges[slot].apply(touched[slot], store, positions)  // in place: the range's arrays are not copied
        // A small list keeps its capacity: a thousand-node ring's ranges take a note or two
        // between refreshes, and a new array for each cost an allocation per write. A large one
        // (a busy range of a big store) is freed rather than held for good.
        touched[slot].removeAll(keepingCapacity: touched[slot].capacity <= 64)
        #if DEBUG
        checkRefreshed(slot: slot, positions: positions, store: store)
        #endif
    }

    /// The ranges that have held keys since the index was last rebuilt, ascending: a node of a
    /// thousand-node ring stores keys in a few dozen of its 8,000 ranges, and anti-entropy
    /// visits only those.
    var rangesWithKeys: [Int] { rangeOfSlot.map { Int($0) }.sorted() }

    /// Keys stored in `range`, ascending.
    func keys(ofRange range: Int) -> [KeyID] { slot(ofRange: range).map { ranges[$0].keys } ?? [] }

    func root(ofRange range: Int) -> UInt64 { slot(ofRange: range).map { ranges[$0].root } ?? 0 }

    /// The keys of `range` left the store (rehomed).
    mutating func clear(range: Int) {
        guard let slot = slot(ofRange: range) else { return }
        ranges[slot] = Entries()
        touchedCount -= touched[slot].count
        touched[slot] = []
    }

    /// The root of `arc` when it is a range of this index's ring (no tree to build).
    func cachedRoot(of arc: RangeArc) -> UInt64? {
        ring.range(exactly: arc).map { root(ofRange: $0) }
    }

    /// Keys stored in `arc` (a range of another node's ring, which may cut across this one's),
    /// ascending, with their item hashes (and, of a range of this ring, its root).
    func entries(in arc: RangeArc, _ positions: [UInt64]) -> Entries {
        if let r = ring.range(exactly: arc) { return slot(ofRange: r).map { ranges[$0] } ?? Entries() }
        var found: [(KeyID, UInt64)] = []
        for r in ring.ranges(overlapping: arc) {
            guard let slot = slot(ofRange: r) else { continue }
            let e = ranges[slot]
            for (k, item) in zip(e.keys, e.items) where arc.contains(positions[k.index]) { found.append((k, item)) }
        }
        found.sort { $0.0 < $1.0 }
        var result = Entries(keys: found.map(\.0), items: found.map(\.1))
        result.root = MerkleTree.root(hashed: Self.hashed(result, positions))
        return result
    }

    /// What a key at `position` holding `object` adds to its leaf (nil: nothing held).
    static func item(_ object: borrowing ObjectRecord, at position: UInt64) -> UInt64? {
        object.isEmpty ? nil : MerkleTree.itemHash(position: position, digest: object.digest)
    }

    /// The tree of `entries`.
    static func tree(of entries: Entries, _ positions: [UInt64]) -> MerkleTree {
        entries.leaves.isEmpty ? MerkleTree(hashed: hashed(entries, positions)) : MerkleTree(leaves: entries.leaves)
    }

    /// Each key's leaf and item hash.
    static func hashed(_ entries: Entries, _ positions: [UInt64]) -> [(leaf: Int, hash: UInt64)] {
        zip(entries.keys, entries.items).map { k, item in (leaf: MerkleTree.leaf(ofPosition: positions[k.index]), hash: item) }
    }
}
