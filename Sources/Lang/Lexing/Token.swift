/// One lexical unit of a line: a word, a `field=value` assignment, or a punctuation mark.
struct Token {
    enum Kind: Equatable {
        /// A bare or quoted word.
        case word
        /// `field=value`: `word` is the field, `value` the value.
        case assignment
        /// `|`, separating partition groups.
        case pipe
        /// `{`, opening a block.
        case openBrace
        /// `}`, closing a block.
        case closeBrace
    }

    var kind: Kind
    /// The word; for an assignment its field; for punctuation the mark itself.
    var word: Word
    /// The value of an assignment.
    var value: Word?

    /// The word (or the value) holds `$i`.
    var holdsIteration: Bool

    init(_ kind: Kind, _ word: Word, value: Word? = nil, holdsIteration: Bool = false) {
        self.kind = kind
        self.word = word
        self.value = value
        self.holdsIteration = holdsIteration
    }

    /// An unquoted word: the only kind that can be a keyword or an option (`via`, `only`, …).
    var isBare: Bool { kind == .word && !word.quoted }

    /// True when this is the bare word `keyword`.
    func isKeyword(_ keyword: String) -> Bool { isBare && word.text == keyword }

    /// The range covering the whole token (for an assignment, field through value).
    var range: SourceRange {
        guard let value else { return word.range }
        var range = word.range
        range.length = value.range.column + value.range.length - word.range.column
        return range
    }

    /// The token as written, for messages: `a=1`, `"x y"`, `|`.
    var display: String {
        switch kind {
        case .assignment: return "\(word.text)=\(value.map { $0.quoted ? quote($0.text) : $0.text } ?? "")"
        case .word: return word.quoted ? quote(word.text) : word.text
        default: return word.text
        }
    }
}

/// `text` in double quotes with `\"`, `\\`, `\n` and `\t` escaped back.
func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
