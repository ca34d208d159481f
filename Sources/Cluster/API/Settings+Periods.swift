/// Periods derived from the settings, with the floor that keeps a typed value from turning
/// `advance` into a hang: settings may go down to 1µs, timers fire no more often than every
/// `minTimerPeriod` (a documented limit).
extension Settings {
    static let minTimerPeriod: Micros = 1000

    var gossipPeriod: Micros { max(gossip, Self.minTimerPeriod) }
    var antiEntropyPeriod: Micros { max(antientropy, Self.minTimerPeriod) }
    var renewPeriod: Micros { max(renew, Self.minTimerPeriod) }
    /// How long a node waits for an acknowledgement before sending again (stream reports, hints,
    /// handoff): the longest round trip, plus a millisecond.
    var retransmitDelay: Micros { 2 &* latencyMax &+ 1000 }
}
