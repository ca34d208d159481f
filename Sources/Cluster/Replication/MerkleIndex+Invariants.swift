// Invariants of a node's Merkle index (style of swift-collections' `Heap+Invariants.swift`: see
// CalendarQueue+Invariants.swift).
//
// When: debug builds check, after each range a refresh brings up to date (what anti-entropy runs
// before it reads the index), that range against a recomputation and against the store, O(its
// keys), and the slots' structure at the end of each refresh, O(ranges). Writes (`touch`, an
// append) are not checked, nor, there, the store's keys missing from the index (a scan of the
// whole store per refresh made `kvbench --quick` in a debug build take half as long again): the
// tests check everything after every step. Release builds check nothing.

extension MerkleIndex {
    /// Every invariant of the index, as messages naming those broken (empty: none).
    /// - `positions` (ring position per key): also each key's range, and each range's root,
    ///   branches and leaves against a recomputation from its keys;
    /// - and `store`: also every range without notes pending (not dirty) against the store: the
    ///   keys it holds there, with their item hashes, and no others.
    func invariantViolations(positions: [UInt64]? = nil, store: Store? = nil) -> [String] {
        var found = structureViolations()
        guard found.isEmpty else { return found }
        for slot in ranges.indices { found += violations(ofSlot: slot, positions: positions, store: store) }
        // The other way round: each key the store holds (with an item) in a range not dirty is held.
        guard let store, let positions, !stale, !ring.isEmpty else { return found }
        var expected = [Int](repeating: 0, count: ranges.count)
        for (key, object) in store.entries {
            guard key.index < positions.count else {
                found.append("store key \(key) has no ring position")
                continue
            }
            let position = positions[key.index]
            guard Self.item(object, at: position) != nil else { continue }
            let r = ring.range(of: position)
            let slot = Int(slotOfRange[r])
            if slot < 0 {
                found.append("store key \(key) in range \(r), which has no slot")
            } else {
                expected[slot] += 1
            }
        }
        for slot in ranges.indices where touched[slot].isEmpty && expected[slot] != ranges[slot].keys.count {
            found.append("range \(rangeOfSlot[slot]) (no notes pending): \(ranges[slot].keys.count) keys, store holds \(expected[slot])")
        }
        return found
    }

    /// The slots, notes and counts: O(ranges of the ring + slots).
    func structureViolations() -> [String] {
        var found: [String] = []
        // Slots: one per range that has held keys, both ways round.
        if slotOfRange.count != ring.rangeCount {
            found.append("slotOfRange: \(slotOfRange.count) ranges, ring has \(ring.rangeCount)")
        }
        if rangeOfSlot.count != ranges.count {
            found.append("slots: \(rangeOfSlot.count) ranges named, \(ranges.count) entries")
            return found
        }
        for (slot, r) in rangeOfSlot.enumerated() where !slotOfRange.indices.contains(Int(r)) || slotOfRange[Int(r)] != slot {
            found.append("slot \(slot): its range \(r) does not name it back")
        }
        let slotted = slotOfRange.count { $0 >= 0 }
        if slotted != ranges.count {
            found.append("slotOfRange: \(slotted) ranges with a slot, \(ranges.count) slots")
        }
        // Notes: none while stale (the next refresh rebuilds), otherwise a list per slot.
        if stale ? !touched.isEmpty : touched.count != ranges.count {
            found.append("notes: \(touched.count) lists for \(ranges.count) slots, stale \(stale)")
        }
        let noted = touched.reduce(0) { $0 + $1.count }
        if noted != touchedCount {
            found.append("touchedCount \(touchedCount), notes held \(noted)")
        }
        return found
    }

    /// One slot's range: its entries (`Entries.invariantViolations`); with `positions`, each key
    /// inside the range; and with `store`, when no notes are pending, each key's item the store's.
    /// O(keys of the range).
    func violations(ofSlot slot: Int, positions: [UInt64]?, store: Store?) -> [String] {
        let r = Int(rangeOfSlot[slot]), e = ranges[slot]
        var found = e.invariantViolations(positions: positions).map { "range \(r) " + $0 }
        guard let positions, !ring.isEmpty, found.isEmpty else { return found }
        for k in e.keys where ring.range(of: positions[k.index]) != r {
            found.append("range \(r): key \(k) lies in range \(ring.range(of: positions[k.index]))")
        }
        guard let store, !stale, touched[slot].isEmpty else { return found }
        for (k, item) in zip(e.keys, e.items) {
            let held = store.withRecord(k) { Self.item($0, at: positions[k.index]) } ?? nil
            if held != item {
                found.append("range \(r) (no notes pending): key \(k) item \(item), store's \(String(describing: held))")
            }
        }
        return found
    }

    /// Traps (debug builds only) when an invariant is broken.
    func checkInvariants(positions: [UInt64]? = nil, store: Store? = nil) {
        #if DEBUG
        let found = invariantViolations(positions: positions, store: store)
        requireInvariants(found, of: "MerkleIndex")
        #endif
    }

    #if DEBUG
    /// Debug builds: a slot just refreshed, or (nil) the structure at the end of a refresh.
    func checkRefreshed(slot: Int?, positions: [UInt64], store: Store) {
        let found = slot.map { violations(ofSlot: $0, positions: positions, store: store) } ?? structureViolations()
        requireInvariants(found, of: "MerkleIndex")
    }
    #endif
}

extension MerkleIndex.Entries {
    /// One range's invariants: keys ascending with an item each; an empty range hashes to 0 with
    /// no branches or leaves; one with keys has its branches, and its leaf sums once it held
    /// `leavesFrom` keys. With `positions`: the cached root, branches and leaves are a
    /// recomputation's.
    func invariantViolations(positions: [UInt64]? = nil) -> [String] {
        var found: [String] = []
        if keys.count != items.count {
            found.append("\(keys.count) keys, \(items.count) items")
            return found
        }
        for i in keys.indices.dropFirst() where keys[i - 1] >= keys[i] {
            found.append("keys not ascending: \(keys[i - 1]) before \(keys[i])")
        }
        if keys.isEmpty {
            if root != 0 || !branches.isEmpty || !leaves.isEmpty {
                found.append("no keys, but root \(root), \(branches.count) branches, \(leaves.count) leaves")
            }
            return found
        }
        if branches.count != MerkleTree.fanout {
            found.append("\(branches.count) branches, not \(MerkleTree.fanout)")
        }
        if !(leaves.isEmpty || leaves.count == MerkleTree.leafCount) {
            found.append("\(leaves.count) leaf sums, not 0 or \(MerkleTree.leafCount)")
        }
        if keys.count >= Self.leavesFrom && leaves.isEmpty {
            found.append("\(keys.count) keys without leaf sums kept")
        }
        guard let positions else { return found }
        if let k = keys.first(where: { $0.index >= positions.count }) {
            found.append("key \(k) has no ring position")
            return found
        }
        let tree = MerkleTree(hashed: MerkleIndex.hashed(self, positions))
        if root != tree.root {
            found.append("cached root \(root) is not the recomputed \(tree.root)")
        }
        if branches.count == MerkleTree.fanout && branches != tree.levels[1] {
            found.append("cached branches are not the recomputed ones")
        }
        if !leaves.isEmpty && leaves != tree.leaves {
            found.append("cached leaf sums are not the recomputed ones")
        }
        return found
    }
}
