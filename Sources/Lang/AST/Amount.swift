/// A number, duration, percentage, seed or setting value of a command, as written: read when the
/// script is parsed, or, when its word holds `$i`, kept as the word and read as each `repeat`
/// iteration runs (docs/language.md: `$i` stands wherever a word stands, numbers and durations
/// included). A bad value after `$i` is replaced is a script error at the word.
public enum Amount<Value: Equatable & Sendable>: Equatable, Sendable, CustomStringConvertible {
    case value(Value)
    /// The word, holding `$i`.
    case iterated(Word)

    /// The value, or the word as written.
    public var description: String {
        switch self {
        case .value(let value): "\(value)"
        case .iterated(let word): word.text
        }
    }
}
