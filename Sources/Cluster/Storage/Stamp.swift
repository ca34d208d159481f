/// A hybrid-logical-clock stamp: the coordinator's virtual time in µs (raised above every stamp it
/// has seen) and the coordinator's name id. Ordered by time, then by the coordinator's NAME (not
/// its id), which is why comparison goes through a `StampOrder` that can read names.
struct Stamp: Equatable {
    var time: Int64
    var origin: UInt32

    /// No stamp: below every real stamp (real stamps have time ≥ 1).
    static let zero = Stamp(time: 0, origin: 0)
    var isZero: Bool { time == 0 }
}

/// Compares stamps: by time, then by coordinator name on equal time. Copied into every merge and
/// every write's stamping, so it holds the names unowned: a copy then costs no reference counting
/// (the simulation that owns the names outlives every use).
struct StampOrder {
    unowned(unsafe) let names: Interner

    @inline(__always)
    func less(_ a: Stamp, _ b: Stamp) -> Bool {
        if a.time != b.time { return a.time < b.time }
        if a.origin == b.origin { return false }
        return names[a.origin] < names[b.origin]
    }

    func max(_ a: Stamp, _ b: Stamp) -> Stamp { less(a, b) ? b : a }
}
