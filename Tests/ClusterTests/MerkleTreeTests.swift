import Testing
@testable import Cluster

/// The hash tree anti-entropy compares, and the ring ranges it is kept per.
@Suite struct MerkleTreeTests {
    /// `count` keys: ring positions of "k0"… and a digest each.
    func items(_ count: Int, salt: UInt64 = 0) -> [(position: UInt64, digest: UInt64)] {
        (0..<count).map { i in
            (position: StableHash.position(ofKey: "k\(i)"), digest: SplitMix64.mix(UInt64(i) &+ salt))
        }
    }

    @Test func equalKeysGiveEqualTrees() {
        let a = MerkleTree(items(1000)), b = MerkleTree(items(1000))
        #expect(a == b)
        #expect(a.root == b.root)
        #expect(a.root != 0)
        #expect(MerkleTree().root == 0)
        #expect(MerkleTree([]).root == 0)
        #expect(MerkleTree(items(1000, salt: 7)).root != a.root)
    }

    @Test func rootWithoutTheTreeIsTheTreesRoot() {
        for count in [0, 1, 2, 15, 300, 5000] {
            let hashed = items(count).map { (leaf: MerkleTree.leaf(ofPosition: $0.position),
                                            hash: MerkleTree.itemHash(position: $0.position, digest: $0.digest)) }
            #expect(MerkleTree.root(hashed: hashed) == MerkleTree(items(count)).root)
            #expect(MerkleTree.root(hashed: hashed.reversed()) == MerkleTree(items(count)).root)
        }
    }

    @Test func orderDoesNotMatter() {
        let forward = items(500)
        var shuffled = forward
        var rng = SplitMix64(state: 42)
        for i in shuffled.indices.reversed() {
            shuffled.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
        #expect(MerkleTree(forward) == MerkleTree(shuffled))
        #expect(MerkleTree(forward) == MerkleTree(forward.reversed()))
    }

    /// The leaves (and branches) whose hashes differ between two trees.
    func differing(_ a: MerkleTree, _ b: MerkleTree, level: Int) -> [Int] {
        (0..<MerkleTree.width(ofLevel: level)).filter { a.hash(level: level, index: $0) != b.hash(level: level, index: $0) }
    }

    @Test func oneDifferingKeyChangesExactlyItsLeaf() {
        let base = items(1000)
        for changed in [0, 17, 999] {
            var other = base
            other[changed].digest &+= 1
            let a = MerkleTree(base), b = MerkleTree(other)
            let leaf = MerkleTree.leaf(ofPosition: base[changed].position)
            #expect(differing(a, b, level: MerkleTree.leafLevel) == [leaf])
            #expect(differing(a, b, level: 1) == [leaf / MerkleTree.fanout])
            #expect(a.root != b.root)
            #expect(a.children(level: 1, index: leaf / MerkleTree.fanout)
                    != b.children(level: 1, index: leaf / MerkleTree.fanout))
        }
    }

    @Test func aMissingKeyChangesExactlyItsLeaf() {
        let base = items(300)
        let a = MerkleTree(base), b = MerkleTree(base.dropLast())
        #expect(differing(a, b, level: MerkleTree.leafLevel) == [MerkleTree.leaf(ofPosition: base[299].position)])
    }

    @Test func treeShape() {
        let t = MerkleTree(items(10))
        #expect(MerkleTree.width(ofLevel: 0) == 1)
        #expect(MerkleTree.width(ofLevel: MerkleTree.leafLevel) == MerkleTree.leafCount)
        #expect(t.children(level: 0, index: 0).count == MerkleTree.fanout)
        #expect(t.hash(level: 3, index: 0) == nil)
        #expect(t.hash(level: 2, index: MerkleTree.leafCount) == nil)
    }

    func ring(_ names: [String], vnodes: Int) -> Ring {
        Ring(members: names.enumerated().map { i, n in
            (NodeID(i), (0..<vnodes).map { StableHash.token(node: n, number: $0) })
        })
    }

    @Test func rangesPartitionTheRing() {
        let r = ring(["a", "b", "c"], vnodes: 4)
        #expect(r.rangeCount == 12)
        for i in 0..<200 {
            let p = StableHash.position(ofKey: "k\(i)")
            let range = r.range(of: p)
            #expect(r.arc(range).contains(p))
            #expect((0..<r.rangeCount).filter { r.arc($0).contains(p) } == [range])
            #expect(r.range(exactly: r.arc(range)) == range)
        }
        let one = ring(["a"], vnodes: 1)
        #expect(one.arc(0).contains(0) && one.arc(0).contains(.max))
        #expect(one.range(exactly: one.arc(0)) == 0)
    }

    /// A range of one ring, seen from another (a peer whose view has more or fewer nodes): the
    /// ranges overlapping it hold every position in it.
    @Test func foreignArcsMapToOverlappingRanges() {
        let small = ring(["a", "b"], vnodes: 3), big = ring(["a", "b", "c", "d"], vnodes: 3)
        for (mine, theirs) in [(small, big), (big, small), (ring(["a"], vnodes: 1), big), (big, ring(["a"], vnodes: 1))] {
            for t in 0..<theirs.rangeCount {
                let arc = theirs.arc(t)
                let overlapping = mine.ranges(overlapping: arc)
                #expect(Set(overlapping).count == overlapping.count)
                for i in 0..<300 {
                    let p = StableHash.position(ofKey: "k\(i)")
                    if arc.contains(p) { #expect(overlapping.contains(mine.range(of: p))) }
                }
            }
        }
        // An arc that wraps round past its own start range covers every range.
        let r = ring(["a", "b"], vnodes: 2)
        let inside = r.arc(1)
        let wrapping = RangeArc(lo: inside.lo &+ 10, hi: inside.lo &+ 5)
        #expect(r.ranges(overlapping: wrapping).count == r.rangeCount)
        #expect(r.ranges(overlapping: RangeArc(lo: inside.lo &+ 5, hi: inside.lo &+ 10)) == [1])
    }

    /// Rounds of writes and removals in a scattered key order (new keys below, between and above
    /// those held; rewrites; removals; repeats), each refreshed in place: after every round the
    /// index equals one rebuilt from the store. Ranges both below and above the size that keeps
    /// leaf sums.
    @Test(arguments: [150, 3_000])
    func indexRefreshedInPlaceMatchesARebuild(keyCount n: Int) {
        var keys = TestKeyStore(count: n)
        let positions = keys.positions
        let r = ring(["a", "b", "c"], vnodes: 2)
        var index = MerkleIndex()
        index.refresh(ring: r, store: keys.store, positions: positions)
        var rng = SplitMix64(state: UInt64(n))
        for round in 1...6 {
            for _ in 0..<n / 3 {
                let k = KeyID(UInt32(rng.next() % UInt64(n)))
                if rng.next() % 5 == 0 {
                    keys.store.removeValue(forKey: k)
                } else {
                    keys.write(k.index, ValueID(UInt32(round)), at: Int64(round))
                }
                index.touch(k, in: keys, on: r)
            }
            index.refresh(ring: r, store: keys.store, positions: positions)
            var fresh = MerkleIndex()
            fresh.refresh(ring: r, store: keys.store, positions: positions)
            for range in 0..<r.rangeCount {
                #expect(index.keys(ofRange: range) == fresh.keys(ofRange: range), "round \(round) range \(range)")
                #expect(index.root(ofRange: range) == fresh.root(ofRange: range), "round \(round) range \(range)")
            }
        }
    }

    /// The index after touches (rewrites, new keys, removals) equals the index rebuilt from
    /// scratch, and answers foreign arcs as a scan of the store would. With 4,000 keys the ranges
    /// hold enough keys to keep leaf sums, which touches move.
    @Test(arguments: [400, 4_000])
    func indexFollowsTheStore(keyCount n: Int) {
        var keys = TestKeyStore(count: n)
        let positions = keys.positions
        let r = ring(["a", "b", "c"], vnodes: 4)
        for k in 0..<n / 2 { keys.write(k, 1, at: 1) }
        var index = MerkleIndex()
        index.refresh(ring: r, store: keys.store, positions: positions)
        // Rewrites are placed on the index's own ring (its range is taken as found), removals on
        // an equal ring built apart (the index finds the range itself).
        for k in n * 3 / 8..<n * 3 / 4 {
            keys.write(k, 2, at: 2)
            index.touch(KeyID(UInt32(k)), in: keys, on: r)
        }
        let removed = stride(from: 0, to: n * 3 / 4, by: 7).map { KeyID(UInt32($0)) }
        let rebuilt = ring(["a", "b", "c"], vnodes: 4)
        #expect(rebuilt.identity != r.identity && r.identity == r.identity)
        for k in removed {
            keys.store.removeValue(forKey: k)
            index.touch(k, in: keys, on: rebuilt)
        }
        var fresh = MerkleIndex()
        fresh.refresh(ring: r, store: keys.store, positions: positions)
        // One range brought up to date alone, then the rest.
        index.refresh(ring: r, store: keys.store, positions: positions, overlapping: [r.arc(1)])
        #expect(index.keys(ofRange: 1) == fresh.keys(ofRange: 1) && index.root(ofRange: 1) == fresh.root(ofRange: 1))
        index.refresh(ring: r, store: keys.store, positions: positions)
        for range in 0..<r.rangeCount {
            #expect(index.keys(ofRange: range) == fresh.keys(ofRange: range))
            #expect(index.root(ofRange: range) == fresh.root(ofRange: range))
            #expect(index.keys(ofRange: range) == index.keys(ofRange: range).sorted())
            let direct = MerkleTree(index.keys(ofRange: range).map { (position: positions[$0.index], digest: keys.store[$0]!.digest) })
            #expect(index.root(ofRange: range) == direct.root)
            #expect(MerkleIndex.tree(of: index.entries(in: r.arc(range), positions), positions) == direct)
        }
        #expect((0..<r.rangeCount).reduce(0) { $0 + index.keys(ofRange: $1).count } == n * 3 / 4 - removed.count)
        let other = ring(["a", "d"], vnodes: 5)
        for t in 0..<other.rangeCount {
            let arc = other.arc(t)
            let scanned = keys.store.keys.sorted().filter { arc.contains(positions[$0.index]) }
            let entries = index.entries(in: arc, positions)
            #expect(entries.keys == scanned)
            #expect(entries.root == MerkleTree(scanned.map { (position: positions[$0.index], digest: keys.store[$0]!.digest) }).root)
        }
    }
}
