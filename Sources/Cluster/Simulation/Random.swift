/// SplitMix64 (Steele, Lea, Flood 2014): used to derive the seeds of the per-purpose streams from
/// the one simulation seed, and (its finaliser) to scramble the ring's stable hashes.
public struct SplitMix64 {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 output function: a bijective 64-bit finaliser.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman, Vigna 2018), seeded from SplitMix64 as its authors recommend.
/// Every draw the simulation makes goes through one of these; nothing else is random.
struct Xoshiro256StarStar {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var sm = SplitMix64(state: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform in 0..<bound (bound > 0), by rejection so that no value is favoured.
    mutating func below(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        let threshold = (0 &- bound) % bound
        while true {
            let r = next()
            if r >= threshold { return r % bound }
        }
    }

    /// Uniform in lo...hi (lo ≤ hi).
    mutating func between(_ lo: Int64, _ hi: Int64) -> Int64 {
        if hi <= lo { return lo }
        let span = UInt64(bitPattern: hi &- lo) &+ 1
        if span == 0 { return Int64(bitPattern: next()) }  // the whole 64-bit range
        return lo &+ Int64(bitPattern: below(span))
    }

    /// True with probability ppm / 1,000,000.
    mutating func chance(ppm: Int) -> Bool {
        if ppm <= 0 { return false }
        if ppm >= 1_000_000 { return true }
        return below(1_000_000) < UInt64(ppm)
    }
}

/// One random stream per purpose, all derived from the seed by SplitMix64 in a fixed order, so
/// that adding draws to one purpose (e.g. `chaos`) never shifts another's (e.g. message delays).
struct RandomStreams {
    /// Message delays and loss: handed to the `Network`, which alone draws from it.
    let network: Xoshiro256StarStar
    /// Node timer phases and gossip peer choice.
    var timers: Xoshiro256StarStar
    /// Workloads (benchmark clients and the like).
    var workload: Xoshiro256StarStar
    /// Reserved for `chaos` draws.
    var chaos: Xoshiro256StarStar

    init(seed: UInt64) {
        var sm = SplitMix64(state: seed)
        network = Xoshiro256StarStar(seed: sm.next())
        timers = Xoshiro256StarStar(seed: sm.next())
        workload = Xoshiro256StarStar(seed: sm.next())
        chaos = Xoshiro256StarStar(seed: sm.next())
    }
}
