/// Names as UTF-8 bytes, looked up by bytes: the name checker asks for the node of a `via` on
/// every line of a large script, and this answers without making a `String` or hashing one.
///
/// Open addressing on the FNV-1a hash of the bytes (stable, unlike `Hasher`; nothing observable
/// depends on it). Append-only, like the checker's set of nodes.
struct NameSet {
    /// Every name's bytes, one after another.
    private var bytes: [UInt8] = []
    /// Each name's first byte in `bytes`, and one past its last (`ends[i]` is where name `i` ends).
    private var starts: [Int] = []
    private var ends: [Int] = []
    /// Slots hold a name's index + 1 (0: empty); the capacity is a power of two, at most half full.
    private var slots = [Int](repeating: 0, count: 16)

    init() {}

    init(_ names: some Sequence<String>) {
        for name in names { insert(name) }
    }

    mutating func insert(_ name: String) {
        var name = name
        name.withUTF8 { insert($0) }
    }

    mutating func insert(_ name: UnsafeBufferPointer<UInt8>) {
        let slot = find(name)
        guard slots[slot] == 0 else { return }
        starts.append(bytes.count)
        bytes.append(contentsOf: name)
        ends.append(bytes.count)
        slots[slot] = starts.count
        if starts.count * 2 > slots.count { grow() }
    }

    func contains(_ name: UnsafeBufferPointer<UInt8>) -> Bool { slots[find(name)] != 0 }

    private static func hash(_ name: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// The slot holding `name`, or the empty slot where it would go.
    private func find(_ name: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = slots.count - 1
        var slot = Self.hash(name) & mask
        while slots[slot] != 0 && !holds(slots[slot] - 1, name) { slot = (slot + 1) & mask }
        return slot
    }

    /// Name `index` is `name`.
    private func holds(_ index: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[index], end = ends[index]
        guard end - start == name.count else { return false }
        return bytes.withUnsafeBufferPointer { ByteScan.equal(UnsafeBufferPointer(rebasing: $0[start ..< end]), name) }
    }

    private mutating func grow() {
        slots = [Int](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for index in starts.indices {
            let name = bytes[starts[index] ..< ends[index]]
            var slot = name.withUnsafeBufferPointer(Self.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = index + 1
        }
    }
}
