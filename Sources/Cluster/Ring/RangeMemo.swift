/// An answer per range of a node's ring, worked out once (a walk of the ring) and kept while the
/// ring, the node's view of who can hold a place (`MembershipView.routingVersion`) and
/// `replicas` stay the same. Every key of a range has the same preference list, so every key of
/// a range gets the same answer: whether the node owns it (asked by every write a replica
/// merges), and where a coordinator sends it (asked by every request).
///
/// Asked in two steps (`lookup`, then `record` what was worked out) rather than through a
/// closure, which would capture the ring and retain it on every call.
struct RangeMemo<Value> {
    private var answers: [Value?] = []
    private var basis = RangeMemoBasis(rangeCount: -1, ringVersion: -1, routingVersion: -1, replicas: -1)

    /// The answer for `range` on `basis`, if known. A new basis forgets every answer.
    @inline(__always)
    mutating func lookup(range: Int, basis: RangeMemoBasis) -> Value? {
        if basis != self.basis {
            answers = [Value?](repeating: nil, count: basis.rangeCount)
            self.basis = basis
        }
        return answers[range]
    }

    /// Keeps the answer for `range`, worked out on the basis of the last `lookup`.
    mutating func record(_ answer: Value, range: Int) { answers[range] = answer }
}

/// What the answers of a `RangeMemo` depend on besides the range.
struct RangeMemoBasis: Equatable {
    var rangeCount: Int
    var ringVersion: Int
    var routingVersion: Int
    var replicas: Int
}
