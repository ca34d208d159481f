/// One lexical unit of a line: a word, a `field=value` assignment, or a punctuation mark.
///
/// A token holds no text and no reference to its file: only where its words are (`Lexeme`). The
/// parser reads them through the `SourceFile` (`SourceFile+Tokens.swift`) and makes a `Word`, with
/// its `String`, only of the words a command keeps.
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
    var word: Lexeme
    /// The value of an assignment.
    var value: Lexeme?

    /// The word (or the value) holds `$i`.
    var holdsIteration: Bool

    init(_ kind: Kind, _ word: Lexeme, value: Lexeme? = nil, holdsIteration: Bool = false) {
        self.kind = kind
        self.word = word
        self.value = value
        self.holdsIteration = holdsIteration
    }

    /// An unquoted word: the only kind that can be a keyword or an option (`via`, `only`, …).
    var isBare: Bool { kind == .word && !word.quoted }

    /// Where the whole token stands (for an assignment, field through value).
    var span: Span {
        guard let value else { return word.span }
        var span = word.span
        span.length = value.span.column + value.span.length - word.span.column
        return span
    }
}

/// A word as the lexer found it: where its text is in the file's bytes, and where it stands.
struct Lexeme {
    /// The bytes of its text in `SourceFile.bytes`; for a quoted word, those between the quotes.
    var bytes: Range<Int>
    /// Where it stands, quotes included.
    var span: Span
    var quoted: Bool
    /// A quoted word whose text holds escapes (`\"`, `\\`, `\n`, `\t`) still to resolve.
    var escaped: Bool

    init(bytes: Range<Int>, span: Span, quoted: Bool = false, escaped: Bool = false) {
        self.bytes = bytes
        self.span = span
        self.quoted = quoted
        self.escaped = escaped
    }
}

/// A span of one line, as `SourceRange` has it but without the file: the lexer and parser carry
/// these, and a `SourceRange` is made only for what the AST or a diagnostic keeps.
struct Span: Equatable {
    var line: Int
    /// 1-based, counting Characters.
    var column: Int
    /// In Characters, at least 1.
    var length: Int
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
