import ArgumentParser

/// The value of `--shard K/N`: the K-th of N contiguous, near-equal parts of a seed range, so that
/// the N jobs of a CI matrix together run every seed exactly once (parts differ by at most one seed).
struct Shard: Equatable, Sendable, ExpressibleByArgument {
    var index: UInt64
    var count: UInt64

    init(index: UInt64, count: UInt64) {
        self.index = index
        self.count = count
    }

    init?(argument: String) {
        guard let (index, count) = numberPair(argument, separator: "/") else { return nil }
        self.init(index: index, count: count)
    }

    /// 1 ≤ K ≤ N.
    var isValid: Bool { index >= 1 && index <= count }

    /// This shard's seeds of `range`, or nil when the range has fewer seeds than there are shards
    /// and none falls to this one. Safe over the whole `UInt64` range.
    func seeds(of range: ClosedRange<UInt64>) -> ClosedRange<UInt64>? {
        guard isValid else { return nil }
        let start = offset(index - 1, range)
        if index == count { return start.map { range.lowerBound + $0 ... range.upperBound } }
        guard let start, let end = offset(index, range), end > start else { return nil }
        return range.lowerBound + start ... range.lowerBound + end - 1
    }

    /// ⌊k × size / N⌋, where size = upper − lower + 1 may be 2^64; nil when that reaches 2^64.
    private func offset(_ k: UInt64, _ range: ClosedRange<UInt64>) -> UInt64? {
        let span = range.upperBound - range.lowerBound
        var (high, low) = k.multipliedFullWidth(by: span)
        let (sum, carry) = low.addingReportingOverflow(k)
        low = sum
        if carry { high += 1 }
        guard high < count else { return nil }
        return count.dividingFullWidth((high, low)).quotient
    }

    static var defaultValueDescription: String { "K/N" }
}
