/// A range of the ring: the arc of positions after one token up to and including the next,
/// `lo < p ≤ hi`, wrapping past the top when `lo ≥ hi`. `lo == hi` is the whole ring (a ring of
/// one token). Every key of a range has the same preference list, so replicas share whole ranges.
struct RangeArc: Equatable {
    var lo: UInt64
    var hi: UInt64

    func contains(_ position: UInt64) -> Bool {
        lo < hi ? (position > lo && position <= hi) : (position > lo || position <= hi)
    }
}

/// Ranges by index: range `i` ends at token `i` (so a position's range is the index of the first
/// token at or after it, the token its preference walk starts from).
extension Ring {
    var rangeCount: Int { tokens.count }

    /// The range holding `position`.
    func range(of position: UInt64) -> Int { firstIndex(atOrAfter: position) }

    func arc(_ range: Int) -> RangeArc {
        RangeArc(lo: tokens[range == 0 ? tokens.count - 1 : range - 1], hi: tokens[range])
    }

    /// The range whose arc is exactly `arc`, if this ring has one.
    func range(exactly arc: RangeArc) -> Int? {
        guard !tokens.isEmpty else { return nil }
        let r = range(of: arc.hi)
        return tokens[r] == arc.hi && self.arc(r) == arc ? r : nil
    }

    /// The ranges that hold some position of `arc`, clockwise from the one holding its start.
    func ranges(overlapping arc: RangeArc) -> [Int] {
        guard !tokens.isEmpty else { return [] }
        let first = range(of: arc.lo &+ 1), last = range(of: arc.hi)
        // Both ends in one range: the arc lies inside it, or wraps all the way round.
        let wrapsAround = first == last && tokens.count > 1 && arc.contains(self.arc(first).lo)
        if arc.lo == arc.hi || wrapsAround { return Array(tokens.indices) }
        var result = [first]
        var r = first
        while r != last {
            r = r + 1 == tokens.count ? 0 : r + 1
            result.append(r)
        }
        return result
    }

    /// The preference list of every key in `range`: the first `count` distinct nodes clockwise
    /// from its end token accepted by `include`.
    func preferenceList(ofRange range: Int, count: Int, include: (NodeID) -> Bool) -> [NodeID] {
        preferenceList(from: tokens[range], count: count, include: include)
    }
}
