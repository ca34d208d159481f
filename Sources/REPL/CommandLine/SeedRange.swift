import ArgumentParser

/// The value of `--seeds A..B`: an inclusive range of seeds, written `A..B` with A ≤ B.
/// Parsing accepts any two seeds; the order is checked in `KvreplCommand.validate()` so that
/// `5..3` gets its own message rather than ArgumentParser's generic "invalid value".
struct SeedRange: Equatable, Sendable, ExpressibleByArgument {
    var lower: UInt64
    var upper: UInt64

    init(lower: UInt64, upper: UInt64) {
        self.lower = lower
        self.upper = upper
    }

    init?(argument: String) {
        guard let (lower, upper) = numberPair(argument, separator: "..") else { return nil }
        self.init(lower: lower, upper: upper)
    }

    var isOrdered: Bool { lower <= upper }

    /// The seeds in order; empty when the range is not ordered. Safe up to `UInt64.max`.
    var seeds: ClosedRange<UInt64>? { isOrdered ? lower...upper : nil }

    static var defaultValueDescription: String { "A..B" }
}
