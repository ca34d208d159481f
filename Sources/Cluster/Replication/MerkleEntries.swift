extension MerkleIndex.Entries {
    /// Brings the entries up to date with the notes of `changed` (ascending by key, repeats
    /// allowed): each key's item taken from its note, added, or dropped when the store no longer
    /// holds it; then the root summed again. A key noted more than once (in no known order) is
    /// hashed again from `store`. Only changed keys count: a range with many keys keeps its leaf
    /// sums, moved by the difference of each changed key's item hash.
    ///
    /// In place, touching only what changed: a key already held has its item replaced where it
    /// is, and new keys (usually above every key held: ids rise as keys are first written) are
    /// appended, or merged in from the back. A range of a million-key store holds over a thousand
    /// keys; copying them all at every refresh cost more than the writes that changed a few.
    mutating func apply(_ changed: [MerkleIndex.Note], _ store: Store, _ positions: [UInt64]) {
        let keepsLeaves = !leaves.isEmpty
        var dirty: UInt32 = 0  // a bit per branch above a changed key
        var added: [(key: KeyID, item: UInt64)] = []
        var dropped: [Int] = []
        // Room for every noted key, grown by an eighth (amortised, with little slack in a
        // million-key store, where doubling cost megabytes) and by 8 at least (a small range).
        let room = keys.count + changed.count
        if keys.capacity < room {
            let capacity = max(room, keys.count + max(keys.count / 8, 8))
            keys.reserveCapacity(capacity)
            items.reserveCapacity(capacity)
        }
        var j = 0
        while j < changed.count {
            let key = changed[j].key, first = j
            while j < changed.count && changed[j].key == key { j += 1 }
            let position = positions[key.index]
            let leaf = MerkleTree.leaf(ofPosition: position)
            dirty |= 1 << UInt32(leaf / MerkleTree.fanout)
            var item = changed[first].item
            if j - first > 1 || Self.checksNotes {
                item = store.withRecord(key) { MerkleIndex.item($0, at: position) } ?? nil
                assert(j - first > 1 || item == changed[first].item, "a noted item no longer matches the store")
            }
            let at = lowerBound(key)
            if at < keys.count && keys[at] == key {
                if keepsLeaves { leaves[leaf] &-= items[at] }
                if let item {
                    items[at] = item
                    if keepsLeaves { leaves[leaf] &+= item }
                } else {
                    dropped.append(at)
                }
            } else if let item {
                if at == keys.count {  // the usual new key, above every key held: appended now
                    keys.append(key)
                    items.append(item)
                } else {
                    added.append((key, item))
                }
                if keepsLeaves { leaves[leaf] &+= item }
            }
        }
        if !dropped.isEmpty { remove(at: dropped) }
        if !added.isEmpty { insert(added) }
        if keys.isEmpty {
            leaves = []
            branches = []
            root = 0
            return
        }
        if !keepsLeaves && keys.count >= Self.leavesFrom {
            leaves = MerkleTree(hashed: MerkleIndex.hashed(self, positions)).leaves
        }
        if branches.isEmpty {
            // The range held no key, so every key it holds now came with a note: the branches
            // above them are dirty, and the others hold nothing and hash to 0.
            branches = [UInt64](repeating: 0, count: MerkleTree.fanout)
        }
        rehash(branches: dirty, positions)
        root = MerkleTree.combine(branches)
    }

    /// Hashes again the branches in `dirty` (a bit per branch) from their leaves: kept sums, or
    /// (a small range) its keys' items.
    private mutating func rehash(branches dirty: UInt32, _ positions: [UInt64]) {
        let fanout = MerkleTree.fanout
        for b in 0..<fanout where dirty & (1 << UInt32(b)) != 0 {
            if !leaves.isEmpty {
                branches[b] = MerkleTree.combine(leaves[b * fanout ..< (b + 1) * fanout])
                continue
            }
            // 16 sums on the stack (a whole range's 256 would be allocated on the heap).
            branches[b] = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: fanout) { sums in
                sums.initialize(repeating: 0)
                for (k, item) in zip(keys, items) {
                    let leaf = MerkleTree.leaf(ofPosition: positions[k.index])
                    if leaf / fanout == b { sums[leaf % fanout] &+= item }
                }
                return MerkleTree.combine(sums)
            }
        }
    }

    /// Debug builds (and so the tests) check every single note against the store.
    private static var checksNotes: Bool {
        var checks = false
        assert({ checks = true; return true }())
        return checks
    }

    /// The index of the first key not below `key`.
    private func lowerBound(_ key: KeyID) -> Int {
        if let last = keys.last, last < key { return keys.count }  // the usual new key
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Drops the entries at `indices` (ascending).
    private mutating func remove(at indices: [Int]) {
        var write = indices[0], next = 0
        for read in indices[0]..<keys.count {
            if next < indices.count && indices[next] == read {
                next += 1
                continue
            }
            keys[write] = keys[read]
            items[write] = items[read]
            write += 1
        }
        keys.removeLast(keys.count - write)
        items.removeLast(items.count - write)
    }

    /// Adds entries whose keys (ascending) are not held: appended when above every key held,
    /// otherwise merged in from the back, moving only the keys above the lowest one added.
    private mutating func insert(_ added: [(key: KeyID, item: UInt64)]) {
        var read = keys.count - 1
        for a in added {  // `apply` made room for them
            keys.append(a.key)
            items.append(a.item)
        }
        guard read >= 0, keys[read] > added[0].key else { return }
        var write = keys.count - 1
        var k = added.count - 1
        while k >= 0 {
            if read >= 0 && keys[read] > added[k].key {
                keys[write] = keys[read]
                items[write] = items[read]
                read -= 1
            } else {
                keys[write] = added[k].key
                items[write] = added[k].item
                k -= 1
            }
            write -= 1
        }
    }
}
