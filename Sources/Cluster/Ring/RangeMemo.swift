/// An answer per range of a node's ring, worked out once (a walk of the ring) and kept while the
/// ring, the node's view of who can hold a place (`MembershipView.routingVersion`) and
/// `replicas` stay the same. Every key of a range has the same preference list, so every key of
/// a range gets the same answer: whether the node owns it (asked by every write a replica
/// merges), and where a coordinator sends it (asked by every request).
///
/// A node asks about few of its ring's ranges (those it coordinates or replicates: a few dozen of
/// a thousand-node ring's 8,000), so answers sit in a small open-addressing table by range rather
/// than an array over every range, which would cost a thousand nodes hundreds of megabytes.
/// Asked in two steps (`lookup`, then `record` what was worked out) rather than through a
/// closure, which would capture the ring and retain it on every call.
struct RangeMemo<Value> {
    /// Slot → range + 1 (0: empty); the capacity is a power of two, at most half full.
    private var ranges: [Int32] = []
    private var answers: [Value?] = []
    private var count = 0
    private var basis = RangeMemoBasis.unmatched

    /// The answer for `range` on `basis`, if known. A new basis forgets every answer.
    mutating func lookup(range: Int, basis: RangeMemoBasis) -> Value? {
        if basis != self.basis {
            self.basis = basis
            if count > 0 { forget() }
        }
        guard count > 0 else { return nil }
        let i = slot(of: range)
        return ranges[i] == 0 ? nil : answers[i]
    }

    /// Keeps the answer for `range`, worked out on the basis of the last `lookup`.
    mutating func record(_ answer: Value, range: Int) {
        if (count + 1) * 2 > ranges.count { grow() }
        let i = slot(of: range)
        if ranges[i] == 0 { count += 1 }
        ranges[i] = Int32(truncatingIfNeeded: range + 1)
        answers[i] = answer
    }

    /// The slot holding `range`, or the empty one where it would go.
    private func slot(of range: Int) -> Int {
        let mask = ranges.count - 1
        var i = Int(truncatingIfNeeded: (UInt32(truncatingIfNeeded: range) &* 0x9E37_79B1) >> 7) & mask
        let wanted = Int32(truncatingIfNeeded: range + 1)
        while ranges[i] != 0 && ranges[i] != wanted { i = (i + 1) & mask }
        return i
    }

    private mutating func forget() {
        ranges = [Int32](repeating: 0, count: ranges.count)
        answers = [Value?](repeating: nil, count: ranges.count)
        count = 0
    }

    private mutating func grow() {
        let old = (ranges, answers)
        ranges = [Int32](repeating: 0, count: max(16, old.0.count * 2))
        answers = [Value?](repeating: nil, count: ranges.count)
        for (j, r) in old.0.enumerated() where r != 0 {
            let i = slot(of: Int(r) - 1)
            ranges[i] = r
            answers[i] = old.1[j]
        }
    }
}

/// What the answers of a `RangeMemo` depend on besides the range.
struct RangeMemoBasis: Equatable {
    var rangeCount: Int
    var ringVersion: Int
    var routingVersion: Int
    var replicas: Int

    /// A basis no lookup brings (every count and version is at least 0).
    static let unmatched = RangeMemoBasis(rangeCount: -1, ringVersion: -1, routingVersion: -1, replicas: -1)
}
