/// FNV-1a 64 over bytes, finished with the SplitMix64 finaliser for a good spread.
/// Stable across runs and processes (unlike `Hasher`): ring tokens and key positions come from it.
struct StableHash {
    private(set) var raw: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(byte: UInt8) {
        raw ^= UInt64(byte)
        raw &*= 0x0000_0100_0000_01B3
    }

    mutating func add(_ string: String) {
        for b in string.utf8 { add(byte: b) }
    }

    /// Adds a 64-bit word, little-endian byte by byte.
    mutating func add(_ word: UInt64) {
        var w = word
        for _ in 0..<8 { add(byte: UInt8(truncatingIfNeeded: w)); w >>= 8 }
    }

    var value: UInt64 { SplitMix64.mix(raw) }

    /// Position of a key on the ring: the hash of its UTF-8 bytes.
    static func position(ofKey key: String) -> UInt64 {
        var h = StableHash()
        h.add(key)
        return h.value
    }

    /// Position of a key on the ring from the FNV-1a hash of its bytes (`raw`, as the key
    /// interner keeps it).
    static func position(ofByteHash raw: UInt64) -> UInt64 { SplitMix64.mix(raw) }

    /// Token `number` of node `name`: the hash of "name#number".
    static func token(node name: String, number: Int) -> UInt64 {
        var h = StableHash()
        h.add(name)
        h.add(byte: UInt8(ascii: "#"))
        h.add(String(number))
        return h.value
    }
}
