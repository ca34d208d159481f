import Testing
@testable import Cluster

/// A Merkle index's invariants (MerkleIndex+Invariants.swift): random operations keep them after
/// every step, the store's agreement included; corrupted indexes are reported.
@Suite struct MerkleIndexInvariantTests {
    /// Writes, removals and refreshes (of all ranges, of some, after a new ring, after an
    /// invalidation): every invariant after every step, the store's agreement included.
    @Test(arguments: [(1, 300), (2, 3_000)] as [(UInt64, Int)])
    func merkleIndexKeepsItsInvariants(seed: UInt64, keyCount n: Int) {
        var random = Xoshiro256StarStar(seed: seed)
        var keys = TestKeyStore(count: n)
        let rings = [Self.ring(["a", "b", "c"], vnodes: 3), Self.ring(["a", "b", "c", "d"], vnodes: 3)]
        var ring = rings[0]
        var index = MerkleIndex()
        for step in 0..<120 {
            switch random.below(10) {
            case 0..<5:
                for _ in 0..<random.below(UInt64(n / 10)) + 1 {
                    let k = KeyID(UInt32(random.below(UInt64(n))))
                    if random.below(6) == 0 {
                        keys.store.removeValue(forKey: k)
                    } else {
                        keys.write(k.index, ValueID(UInt32(step)), at: Int64(step))
                    }
                    index.touch(k, in: keys, on: ring)
                }
            case 5, 6:
                index.refresh(ring: ring, store: keys.store, positions: keys.positions)
            case 7:
                let arcs = (0..<2).map { _ in ring.arc(Int(random.below(UInt64(ring.rangeCount)))) }
                index.refresh(ring: ring, store: keys.store, positions: keys.positions, overlapping: arcs)
            case 8:
                ring = rings[Int(random.below(2))]
            default:
                if random.below(3) == 0 { index.invalidate() }
            }
            let found = index.invariantViolations(positions: keys.positions, store: keys.store)
            #expect(found.isEmpty, "step \(step): \(found)")
            if !found.isEmpty { return }
        }
    }

    static func ring(_ names: [String], vnodes: Int) -> Ring {
        Ring(members: names.enumerated().map { i, n in
            (NodeID(i), (0..<vnodes).map { StableHash.token(node: n, number: $0) })
        })
    }

    /// An index of 400 keys on a 3-node ring, every range refreshed.
    func someIndex() -> (MerkleIndex, TestKeyStore) {
        var keys = TestKeyStore(count: 400)
        for k in 0..<400 { keys.write(k, 1, at: 1) }
        var index = MerkleIndex()
        index.refresh(ring: Self.ring(["a", "b", "c"], vnodes: 3), store: keys.store, positions: keys.positions)
        return (index, keys)
    }

    @Test func corruptedMerkleIndexesAreReported() {
        let (index, keys) = someIndex()
        #expect(index.invariantViolations(positions: keys.positions, store: keys.store).isEmpty)
        #expect(index.ranges.count > 1 && index.ranges.allSatisfy { $0.keys.count > 2 })

        var unsorted = index
        unsorted.ranges[0].keys.swapAt(0, 1)
        unsorted.ranges[0].items.swapAt(0, 1)
        #expect(unsorted.invariantViolations().contains { $0.contains("keys not ascending") })

        var staleRoot = index
        staleRoot.ranges[1].root &+= 1
        #expect(staleRoot.invariantViolations().isEmpty)  // without positions: not recomputed
        #expect(staleRoot.invariantViolations(positions: keys.positions).contains { $0.contains("cached root") })

        // A key moved to the wrong range (with its tree brought along): only its position says so.
        var misplaced = index
        let moved = misplaced.ranges[0].keys.removeFirst(), item = misplaced.ranges[0].items.removeFirst()
        let at = misplaced.ranges[1].keys.firstIndex { $0 > moved } ?? misplaced.ranges[1].keys.count
        misplaced.ranges[1].keys.insert(moved, at: at)
        misplaced.ranges[1].items.insert(item, at: at)
        for slot in 0..<2 {
            let tree = MerkleTree(hashed: MerkleIndex.hashed(misplaced.ranges[slot], keys.positions))
            misplaced.ranges[slot].root = tree.root
            misplaced.ranges[slot].branches = tree.levels[1]
            if !misplaced.ranges[slot].leaves.isEmpty { misplaced.ranges[slot].leaves = tree.leaves }
        }
        let found = misplaced.invariantViolations(positions: keys.positions)
        #expect(found.count == 1 && found.allSatisfy { $0.contains("key \(moved) lies in range") }, "\(found)")

        // The store changed without a note: the range, not marked dirty, no longer agrees.
        var store = keys.store
        store.removeValue(forKey: index.ranges[0].keys[0])
        #expect(index.invariantViolations(positions: keys.positions).isEmpty)
        #expect(index.invariantViolations(positions: keys.positions, store: store).contains { $0.contains("no notes pending") })
    }
}

/// Keys "k0", "k1", … with their ring positions, and a store that node n1 writes them into (the
/// Merkle index tests and its invariant tests).
struct TestKeyStore {
    let positions: [UInt64]
    var store = Store()
    private let order: StampOrder
    private let origin: UInt32

    init(count: Int) {
        let names = Interner(reserveZero: true)
        order = StampOrder(names: names)
        origin = names.intern("n1")
        positions = (0..<count).map { StableHash.position(ofKey: "k\($0)") }
    }

    /// Field 1 of `key` set to `value` at `time`.
    mutating func write(_ key: Int, _ value: ValueID, at time: Int64) {
        var o = ObjectRecord()
        o.fields = [FieldRecord(field: 1, value: value, stamp: Stamp(time: time, origin: origin))]
        _ = store.merge(KeyID(UInt32(key)), o, order)
    }
}

extension MerkleIndex {
    /// Notes `key` as a replica's write does: placed on `ring`, with the item hash of what the
    /// store now holds for it (nothing, after a removal).
    mutating func touch(_ key: KeyID, in keys: TestKeyStore, on ring: Ring) {
        let place = ring.place(keys.positions[key.index])
        let item = keys.store.withRecord(key) { MerkleIndex.item($0, at: place.position) } ?? nil
        touch(key, item: item, at: place, storeCount: keys.store.count)
    }
}
