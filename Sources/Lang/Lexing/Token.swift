/// One lexical unit of a line: a word, a `field=value` assignment, or a punctuation mark.
///
/// A token holds no text and no reference to its file: only where its words are (`Lexeme`). The
/// parser reads them through the `SourceFile` (`SourceFile+Tokens.swift`).
struct Token {
    enum Kind: UInt8, Equatable {
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
    /// The word (or the value) holds `$i`.
    var holdsIteration: Bool
    /// The word; for an assignment its field; for punctuation the mark itself.
    var word: Lexeme
    /// The value of an assignment.
    var value: Lexeme?

    init(_ kind: Kind, _ word: Lexeme, value: Lexeme? = nil, holdsIteration: Bool = false) {
        self.kind = kind
        self.holdsIteration = holdsIteration
        self.word = word
        self.value = value
    }

    /// An unquoted word: the only kind that can be a keyword or an option (`via`, `only`, …).
    var isBare: Bool { kind == .word && !word.quoted }
}

/// The tokens of one line, in a buffer that the parser reuses from line to line.
struct LineTokens {
    /// Room for one token per byte of the longest line so far; the first `count` are the line's.
    private var storage: [Token] = []
    private(set) var count = 0

    /// Forgets the last line's tokens and makes room for those of a line of `bytes` bytes.
    mutating func reset(forLineOf bytes: Int) {
        count = 0
        if storage.count < bytes {
            storage = [Token](repeating: Token(.pipe, Lexeme(from: 0, to: 0, line: 0)), count: max(bytes, 2 * storage.count))
        }
    }

    /// The tokens of a line of `bytes` bytes, written by `scan` (which returns how many it wrote).
    mutating func fill(forLineOf bytes: Int,
                       _ scan: (UnsafeMutableBufferPointer<Token>) throws(ScriptError) -> Int) throws(ScriptError) {
        reset(forLineOf: bytes)
        count = try storage.withUnsafeMutableBufferPointer { buffer throws(ScriptError) in try scan(buffer) }
    }

    func withTokens<R, E>(_ body: (UnsafeBufferPointer<Token>) throws(E) -> R) throws(E) -> R {
        try storage.withUnsafeBufferPointer { buffer throws(E) in try body(UnsafeBufferPointer(rebasing: buffer[..<count])) }
    }
}

/// Some of a line's tokens, read in place: the parser's view of a command's words (a slice of a
/// buffer, so taking and passing them around costs no reference counting).
typealias Tokens = Slice<UnsafeBufferPointer<Token>>

/// A word as the lexer found it: the bytes it spans in its file and its line. Its column, and
/// its text, are read from the file only when something shows them (`SourceFile+Tokens.swift`).
///
/// 16 bytes: the AST keeps one per word of a script (`CommandTable`), so offsets are 32-bit
/// (scripts up to 4 GiB).
struct Lexeme: Equatable {
    /// The token's first byte in `SourceFile.bytes` (a quoted word's opening quote).
    var start: UInt32
    /// One past its last byte (a quoted word's closing quote).
    var end: UInt32
    /// 1-based.
    var line: UInt32
    var quoted: Bool
    /// A quoted word whose text holds escapes (`\"`, `\\`, `\n`, `\t`) still to resolve.
    var escaped: Bool

    /// Offsets and line numbers always fit: a `SourceFile` over `SourceFile.maxBytes` keeps no
    /// line to lex, and the parser rejects it.
    init(from start: Int, to end: Int, line: Int, quoted: Bool = false, escaped: Bool = false) {
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: end)
        self.line = UInt32(truncatingIfNeeded: line)
        self.quoted = quoted
        self.escaped = escaped
    }

    /// The bytes of its text: for a quoted word, those between the quotes.
    var textBytes: Range<Int> { quoted ? Int(start) + 1 ..< Int(end) - 1 : Int(start) ..< Int(end) }
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
