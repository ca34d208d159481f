/// A node's stored data: its objects by key id (its hints are in `HintStore`).
///
/// Every write and merge looks a key up here, so it is a flat table rather than a Dictionary:
/// keys and records in dense arrays, found through an open-addressing index (linear probing,
/// Fibonacci hashing of the key id, at most half full). No `Hasher`, and a record costs its
/// 4-byte key, its 32-byte `ObjectRecord` and 8 bytes of index. The dense order is not
/// meaningful: anything observable sorts first.
struct Store {
    private(set) var keys: [KeyID] = []
    private(set) var records: [ObjectRecord] = []
    /// Position in `keys`/`records` + 1 (0: empty slot); the count is a power of two.
    private var index = [UInt32](repeating: 0, count: 16)
    private var shift: UInt32 = 60

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    /// Keys and records, in no meaningful order.
    var entries: Zip2Sequence<[KeyID], [ObjectRecord]> { zip(keys, records) }

    @inline(__always)
    private func home(_ key: KeyID) -> Int {
        Int(truncatingIfNeeded: (UInt64(key.raw) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    /// The index slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: KeyID) -> Int {
        let mask = index.count - 1
        var i = home(key)
        while true {
            let p = index[i]
            if p == 0 || keys[Int(p - 1)] == key { return i }
            i = (i + 1) & mask
        }
    }

    private func position(of key: KeyID) -> Int? {
        let p = index[slot(of: key)]
        return p == 0 ? nil : Int(p - 1)
    }

    subscript(key: KeyID) -> ObjectRecord? {
        position(of: key).map { records[$0] }
    }

    /// `body` of the key's record, read where it is held (a copy would retain its arrays); nil
    /// when the store does not hold the key.
    func withRecord<R>(_ key: KeyID, _ body: (borrowing ObjectRecord) -> R) -> R? {
        guard let p = position(of: key) else { return nil }
        return records.withUnsafeBufferPointer { body($0[p]) }
    }

    mutating func merge(_ key: KeyID, _ incoming: ObjectRecord, _ order: StampOrder) -> MergeChange {
        if incoming.isEmpty { return MergeChange() }
        let s = slot(of: key)
        let p = index[s]
        if p != 0 { return records[Int(p - 1)].merge(incoming, order) }  // in place, no copy
        keys.append(key)
        records.append(ObjectRecord())
        let change = records[records.count - 1].merge(incoming, order)  // in place: no copy to retain
        index[s] = UInt32(keys.count)
        if keys.count * 2 > index.count { grow() }
        return change
    }

    /// Removes the key's record and returns it.
    @discardableResult
    mutating func removeValue(forKey key: KeyID) -> ObjectRecord? {
        var hole = slot(of: key)
        let p = index[hole]
        guard p != 0 else { return nil }
        let at = Int(p - 1)
        let removed = records[at]
        // The last entry moves into the removed one's place in the dense arrays.
        let last = keys.count - 1
        if at != last {
            let moved = keys[last]
            index[slot(of: moved)] = UInt32(at + 1)
            keys[at] = moved
            records[at] = records[last]
        }
        keys.removeLast()
        records.removeLast()
        // Backward-shift deletion keeps every probe sequence unbroken without tombstones.
        let mask = index.count - 1
        var i = hole
        while true {
            i = (i + 1) & mask
            let q = index[i]
            if q == 0 { break }
            let h = home(keys[Int(q - 1)])
            // Move the entry at i into the hole unless its home lies cyclically in (hole, i].
            let inRange = hole <= i ? (h > hole && h <= i) : (h > hole || h <= i)
            if !inRange {
                index[hole] = q
                hole = i
            }
        }
        index[hole] = 0
        return removed
    }

    private mutating func grow() {
        index = [UInt32](repeating: 0, count: index.count * 2)
        shift -= 1
        let mask = index.count - 1
        for (p, key) in keys.enumerated() {
            var i = home(key)
            while index[i] != 0 { i = (i + 1) & mask }
            index[i] = UInt32(p + 1)
        }
    }
}
