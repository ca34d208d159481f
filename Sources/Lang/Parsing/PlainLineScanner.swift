/// Reads one line's words in place for `PlainLineParser`, one at a time and with no token buffer:
/// bare words, quoted words, `field=value` and braces, spanning the same bytes as `Lexer`'s tokens.
///
/// It never reports an error: wherever the lexer would throw, or meets anything a plain line does
/// not hold (`|`, a character out of place), it answers `.other` and the line goes to the lexer.
struct PlainLineScanner {
    enum Kind { case end, bare, quoted, assignment, openBrace, closeBrace, other }

    /// What `next()` read last: the word (an assignment's field; a brace), and an assignment's
    /// value. Kept here rather than returned: the scan of a large script calls `next` at every word.
    private(set) var word = Lexeme(from: 0, to: 0, line: 0)
    private(set) var value = Lexeme(from: 0, to: 0, line: 0)

    /// The file's bytes: the line is `index..<end` of them.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let end: Int
    private let line: Int
    private var index: Int
    /// A word read so far holds a `$` (so perhaps `$i`).
    private(set) var sawDollar = false

    init(bytes: UnsafeBufferPointer<UInt8>, line bounds: SourceFile.LineBounds, number: Int) {
        self.bytes = bytes
        self.index = Int(bounds.start)
        self.end = min(Int(bounds.end), bytes.count)
        self.line = number
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), hash = UInt8(ascii: "#")
    private static let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "="), backslash = UInt8(ascii: "\\")
    private static let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), dollar = UInt8(ascii: "$")

    /// Skips blanks: true when no word is left (the end of the line, or a comment).
    mutating func atEnd() -> Bool {
        skipBlanks()
        return index >= end || bytes[index] == Self.hash
    }

    /// Reads the next word or brace: what it is (its bytes are `word` and `value`).
    @inline(__always)
    mutating func next() -> Kind {
        skipBlanks()
        let start = index
        guard start < end else { return .end }
        let byte = bytes[start]
        switch byte {
        case Self.hash:
            return .end
        case Self.open, Self.close:
            index = start + 1
            word = lexeme(from: start, to: index)
            return byte == Self.open ? .openBrace : .closeBrace
        case Self.quote:
            guard let text = quoted() else { return .other }
            word = text
            return separated() ? .quoted : .other
        default:
            guard Lexer.isBare(byte) else { return .other }
            index = bareEnd(from: start)
            word = lexeme(from: start, to: index)
            guard index < end && bytes[index] == Self.equals else { return separated() ? .bare : .other }
            index += 1
            if index < end && bytes[index] == Self.quote {
                guard let text = quoted() else { return .other }
                value = text
            } else {
                let valueStart = index
                index = bareEnd(from: valueStart)
                guard index > valueStart else { return .other }
                value = lexeme(from: valueStart, to: index)
            }
            return separated() ? .assignment : .other
        }
    }

    /// The bytes of `word`, which is not quoted.
    func bytes(of word: Lexeme) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(word.start) ..< Int(word.end)])
    }

    /// The first byte of `word`, which is not empty.
    @inline(__always)
    func firstByte(of word: Lexeme) -> UInt8 { Int(word.start) < end ? bytes[Int(word.start)] : 0 }

    /// True when `word`, a bare word, is `text`.
    @inline(__always)
    func spells(_ word: Lexeme, _ text: StaticString) -> Bool {
        let start = Int(word.start), count = Int(word.end) - start
        guard count == text.utf8CodeUnitCount && start + count <= end else { return false }
        return text.withUTF8Buffer { expected in
            var offset = 0
            while offset < count {
                if bytes[start + offset] != expected[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    @inline(__always)
    private mutating func skipBlanks() {
        var index = self.index
        while index < end && (bytes[index] == Self.space || bytes[index] == Self.tab) { index += 1 }
        self.index = index
    }

    /// After a word or value: the end, a blank, a comment or a brace (`|` too for the lexer, but
    /// never in a plain line).
    @inline(__always)
    private func separated() -> Bool {
        guard index < end else { return true }
        let byte = bytes[index]
        return byte == Self.space || byte == Self.tab || byte == Self.hash || byte == Self.open || byte == Self.close
    }

    /// Each byte's class, by its value: "0" in no bare word, "1" in bare words (as `Lexer.isBare`),
    /// "3" a `$` (bare, and perhaps `$i`). Bit 0 is bare, bit 1 a `$`. A literal's bytes: read with
    /// no lazy initialization and no bounds check (a byte's value is always below its 256 bytes).
    static var byteClasses: StaticString {
        """
        00000000000000000000000000000000\
        00003100001101111111111111100000\
        11111111111111111111111111100001\
        01111111111111111111111111100000\
        00000000000000000000000000000000\
        00000000000000000000000000000000\
        00000000000000000000000000000000\
        00000000000000000000000000000000
        """
    }

    @inline(__always)
    private mutating func bareEnd(from first: Int) -> Int {
        var index = first
        let end = self.end
        let classes = Self.byteClasses.utf8Start
        /// Every class met, or'ed: bit 1 for a `$`.
        var seen: UInt8 = 0
        while index < end {
            let byteClass = classes[Int(bytes[index])]
            guard byteClass & 1 != 0 else { break }
            seen |= byteClass
            index &+= 1
        }
        if seen & 2 != 0 { sawDollar = true }
        return index
    }

    /// The quoted word whose quote is at `index`, moving past it; nil where the lexer reports an
    /// error (an unknown escape, no closing quote).
    private mutating func quoted() -> Lexeme? {
        let opening = index
        var index = opening + 1
        var escaped = false
        while index < end {
            let byte = bytes[index]
            if byte == Self.quote {
                self.index = index + 1
                return Lexeme(from: opening, to: index + 1, line: line, quoted: true, escaped: escaped)
            }
            if byte == Self.backslash {
                guard index + 1 < end else { return nil }
                switch bytes[index + 1] {
                case Self.quote, Self.backslash, UInt8(ascii: "n"), UInt8(ascii: "t"): break
                default: return nil
                }
                escaped = true
                index += 2
                continue
            }
            if byte == Self.dollar { sawDollar = true }
            index += 1
        }
        return nil
    }

    @inline(__always)
    private func lexeme(from first: Int, to last: Int) -> Lexeme { Lexeme(from: first, to: last, line: line) }
}
