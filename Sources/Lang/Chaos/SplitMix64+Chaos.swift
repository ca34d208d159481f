import Cluster

extension SplitMix64 {
    /// The generator behind `chaos` draws: seeded with `seed ^ 0x6368616f73` ("chaos"), so it is derived
    /// from the script's seed alone and independent of the cluster's own streams (network delays stay
    /// the same when a recorded run replays without `chaos`).
    static func chaos(seed: UInt64) -> SplitMix64 { SplitMix64(state: seed ^ 0x6368_616f_73) }
}
