/// SplitMix64 (Steele, Lea, Flood 2014): the generator behind `chaos` draws.
/// The stream for `chaos` is seeded with `seed ^ 0x6368616f73` ("chaos"), so it is derived from the
/// script's seed alone and independent of the cluster's own streams (network delays stay the same when a
/// recorded run replays without `chaos`).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    static func chaos(seed: UInt64) -> SplitMix64 { SplitMix64(seed: seed ^ 0x6368_616f_73) }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
