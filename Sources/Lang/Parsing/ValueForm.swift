import Cluster

/// One kind of value a word can hold (a count, a duration, a seed, a setting's value): how it is
/// read, and what a bad one should have been. The parser reads plain words with it, and the
/// interpreter reads words holding `$i` with it as each iteration runs, so both say the same of a
/// bad value.
struct ValueForm<Value>: Sendable {
    let read: @Sendable (String) -> Value?
    /// What the word should be, for "bad value …: expected …".
    let expected: String
}

extension ValueForm where Value == Int {
    static var count: Self { Self(read: { Values.count($0) }, expected: Values.countForm) }

    /// `chaos … keys=K`: a count of at least 1.
    static var chaosKeys: Self {
        Self(read: { Values.count($0).flatMap { $0 >= 1 ? $0 : nil } },
             expected: "a count from 1 to 1000000000 (keys ≥ 1)")
    }
}

extension ValueForm where Value == Micros {
    static var duration: Self { Self(read: { Values.duration($0) }, expected: Values.durationForm) }
}

extension ValueForm where Value == UInt64 {
    static var seed: Self { Self(read: { Values.seed($0) }, expected: Values.seedForm) }
}

extension ValueForm where Value == ConfigValue {
    /// The value of setting `key`: a count, a duration, a latency (`5ms` or `1ms..10ms`) or a
    /// percentage, by the key.
    static func setting(_ key: SettingKey) -> Self {
        switch key {
        case .replicas, .read, .write, .vnodes, .fanout:
            Self(read: { Values.count($0).map(ConfigValue.count) }, expected: Values.countForm)
        case .gossip, .suspect, .rehash, .antientropy, .renew, .timeout:
            Self(read: { Values.duration($0).map(ConfigValue.duration) }, expected: Values.durationForm)
        case .latency:
            Self(read: latency, expected: "a duration (a fixed delay) or a range A..B of durations with A ≤ B, "
                 + "such as 1ms..10ms")
        case .loss:
            Self(read: { Values.percent($0).map { ConfigValue.percent(ppm: $0) } }, expected: Values.percentForm)
        }
    }

    /// `5ms` (fixed) or `1ms..10ms`, low ≤ high.
    private static func latency(_ text: String) -> ConfigValue? {
        guard let dots = text.firstRange(of: "..") else { return Values.duration(text).map { .latency($0, $0) } }
        guard let low = Values.duration(String(text[..<dots.lowerBound])),
              let high = Values.duration(String(text[dots.upperBound...])), low <= high else { return nil }
        return .latency(low, high)
    }
}

/// A value as the parser found it: read, or (its word holding `$i`) the word, to read as each
/// iteration runs. The AST keeps the second as `Amount.iterated`.
enum Reading<Value> {
    case value(Value)
    case iterated(Lexeme)

    func map<Other>(_ transform: (Value) -> Other) -> Reading<Other> {
        switch self {
        case .value(let value): .value(transform(value))
        case .iterated(let word): .iterated(word)
        }
    }
}

extension Values {
    /// "bad value `x` for `key`: expected …"; `display` is the word as written (quoted if it was).
    static func badValue(_ display: String, expected form: String, for key: String?) -> String {
        "bad value `\(display)`" + (key.map { " for `\($0)`" } ?? "") + ": expected \(form)"
    }
}
