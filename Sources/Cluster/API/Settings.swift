/// Virtual time and durations, in integer microseconds.
public typealias Micros = Int64

/// The names of the `config` settings, in the order `config` prints them.
public enum SettingKey: String, CaseIterable, Sendable {
    case replicas, read, write, vnodes, gossip, fanout, suspect, rehash, antientropy, renew, timeout, latency, loss
}

/// The cluster's settings (docs/language.md, "Settings").
public struct Settings: Equatable, Sendable {
    public var replicas = 3
    public var read = 2
    public var write = 2
    public var vnodes = 8
    public var gossip: Micros = 1_000_000
    public var fanout = 2
    public var suspect: Micros = 5_000_000
    public var rehash: Micros = 10_000_000
    public var antientropy: Micros = 5_000_000
    /// How often the client renews each open, connected stream's registration (docs/decisions.md).
    public var renew: Micros = 5_000_000
    public var timeout: Micros = 1_000_000
    public var latencyMin: Micros = 1_000
    public var latencyMax: Micros = 10_000
    /// Probability that a message is lost, in millionths (0.5% = 5_000, 100% = 1_000_000).
    public var lossPPM = 0

    public init() {}

    /// The first setting that is out of range, with why; nil when all are valid.
    /// Checked after a whole `config` line is applied, so `read` may be raised with `replicas`.
    public func firstInvalid() -> (key: SettingKey, message: String)? {
        if replicas < 1 { return (.replicas, "replicas must be at least 1") }
        if vnodes < 1 { return (.vnodes, "vnodes must be at least 1") }
        if fanout < 1 { return (.fanout, "fanout must be at least 1") }
        if read < 1 || read > replicas { return (.read, "read must be from 1 to replicas (\(replicas))") }
        if write < 1 || write > replicas { return (.write, "write must be from 1 to replicas (\(replicas))") }
        for (key, value) in [(SettingKey.gossip, gossip), (.suspect, suspect), (.rehash, rehash),
                             (.antientropy, antientropy), (.renew, renew), (.timeout, timeout)] where value <= 0 {
            return (key, "\(key.rawValue) must be above 0")
        }
        if latencyMin > latencyMax { return (.latency, "latency A..B needs A ≤ B") }
        if lossPPM < 0 || lossPPM > 1_000_000 { return (.loss, "loss must be from 0% to 100%") }
        return nil
    }
}
