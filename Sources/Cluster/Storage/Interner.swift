/// Maps strings (keys, field names, values, node names) to dense UInt32 ids and back, so records
/// hold small integers instead of Strings. Append-only: an id never changes meaning. Open to the
/// package so that the benchmark's `floor` interns with the very same code.
///
/// Every client operation interns its key, fields and values, so lookup is an open-addressing
/// table keyed by the stable FNV-1a hash of the UTF-8 bytes (cheaper than `Hasher`'s SipHash,
/// and nothing about it depends on the process). The hash is `StableHash`'s, so a key's ring
/// position comes from it without a second pass over the bytes (`byteHash(of:)`).
package final class Interner {
    @exclusivity(unchecked) private(set) var strings: [String]
    /// FNV-1a of each string's bytes.
    @exclusivity(unchecked) private var hashes: [UInt64]
    /// Slots hold id + 1 (0: empty); the capacity is a power of two, at most half full.
    @exclusivity(unchecked) private var slots = [UInt32](repeating: 0, count: 16)
    /// 1 when id 0 is reserved (never found by lookup).
    private let firstID: Int

    /// With `reserveZero`, id 0 stands for "nothing" (e.g. a tombstone value) and is never returned.
    package init(reserveZero: Bool) {
        strings = reserveZero ? [""] : []
        hashes = reserveZero ? [StableHash().raw] : []
        firstID = reserveZero ? 1 : 0
    }

    var count: Int { strings.count }

    private static func hash(_ string: String) -> UInt64 {
        // Contiguous bytes, read in place (no per-character decoding, no copy of the string to
        // retain); a string without contiguous UTF-8 (bridged) is made contiguous first.
        if let h = string.utf8.withContiguousStorageIfAvailable(hash(bytes:)) { return h }
        var s = string
        return s.withUTF8(hash(bytes:))
    }

    private static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    /// A hash's first slot: FNV-1a's low bits alone spread poorly.
    @inline(__always)
    private func firstSlot(_ hash: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask }

    /// The FNV-1a hash of the string's UTF-8 bytes (`StableHash.raw` after adding the string).
    package func byteHash(of id: UInt32) -> UInt64 { hashes[Int(id)] }

    /// The slot holding `string`, or the empty slot where it would go.
    private func find(_ string: String, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var i = firstSlot(hash, mask)
        while true {
            let s = slots[i]
            if s == 0 { return i }
            let id = Int(s - 1)
            if hashes[id] == hash && strings[id] == string { return i }
            i = (i + 1) & mask
        }
    }

    package func intern(_ string: String) -> UInt32 {
        let h = Self.hash(string)
        let i = find(string, hash: h)
        if slots[i] != 0 { return slots[i] - 1 }
        let id = UInt32(strings.count)
        strings.append(string)
        hashes.append(h)
        slots[i] = id + 1
        if strings.count * 2 > slots.count { grow() }
        return id
    }

    package func lookup(_ string: String) -> UInt32? {
        let s = slots[find(string, hash: Self.hash(string))]
        return s == 0 ? nil : s - 1
    }

    private func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for id in firstID..<strings.count {
            var i = firstSlot(hashes[id], mask)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = UInt32(id + 1)
        }
    }

    package subscript(id: UInt32) -> String {
        Int(id) < strings.count ? strings[Int(id)] : "?"
    }
}
