/// Reads one line's words in place for `PlainLineParser`, one at a time and with no token buffer:
/// bare words, quoted words, `field=value` and braces, spanning the same bytes as `Lexer`'s tokens.
/// At the line's end it knows the line's bounds as `SourceFile` splits lines (`line`, `nextStart`),
/// so the parser notes the line with no pass of its own over the bytes.
///
/// It never reports an error: wherever the lexer would throw, or meets anything a plain line does
/// not hold (`|`, a character out of place), it answers `.other` and the line goes to the lexer.
///
/// It reads the file's `terminatedBytes`, whose last byte is a 0 that every scan stops at: no loop
/// tests its index against the end of the text, and a 0 is the end only at `count`.
struct PlainLineScanner {
    enum Kind { case end, bare, quoted, assignment, openBrace, closeBrace, other }

    /// What `next()` read last: the word (an assignment's field; a brace), and an assignment's
    /// value. Kept here rather than returned: the scan of a large script calls `next` at every word.
    private(set) var word = Lexeme(from: 0, to: 0, line: 0)
    private(set) var value = Lexeme(from: 0, to: 0, line: 0)
    /// Once `next()` has answered `.end` (or `atEnd()` true): the line's bounds, and where the next
    /// line starts (nil: this one ends the file).
    private(set) var line = SourceFile.LineBounds(start: 0, end: 0, asciiEnd: 0)
    private(set) var nextStart: Int?
    /// A word read so far holds a `$` (so perhaps `$i`).
    private(set) var sawDollar = false

    /// The file's bytes and the 0 after them (at `count`), and where they start: the loops over
    /// a word's bytes walk a pointer, bounded by the 0 (which ends every kind of word).
    private let bytes: UnsafeBufferPointer<UInt8>
    private let base: UnsafePointer<UInt8>
    private let count: Int
    /// Where the line starts, its number, and where the scan is.
    private let start: Int
    private let number: Int
    private var index: Int
    /// The first non-ASCII byte read (in a quoted word), or `Int.max`.
    private var firstNonASCII = Int.max

    /// Reads the line of `file` that starts at byte `start`.
    init(file: SourceFile, start: Int, number: Int) {
        bytes = file.terminatedBytes
        base = file.terminatedStart
        count = file.bytes.count
        self.start = start
        self.index = start
        self.number = number
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), hash = UInt8(ascii: "#")
    private static let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "="), backslash = UInt8(ascii: "\\")
    private static let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), dollar = UInt8(ascii: "$")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// Skips blanks: true when no word is left (the end of the line, or a comment).
    mutating func atEnd() -> Bool {
        skipBlanks()
        return endsLine()
    }

    /// Reads the next word or brace: what it is (its bytes are `word` and `value`).
    @inline(__always)
    mutating func next() -> Kind {
        skipBlanks()
        let first = index
        let byte = bytes[first]
        if Self.classOf(byte) & (Self.bare | Self.dollarClass) != 0 {
            index = bareEnd(from: first)
            word = lexeme(from: first, to: index)
            guard bytes[index] == Self.equals else { return separated() ? .bare : .other }
            index += 1
            if bytes[index] == Self.quote {
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
        switch byte {
        case Self.open, Self.close:
            index = first + 1
            word = lexeme(from: first, to: index)
            return byte == Self.open ? .openBrace : .closeBrace
        case Self.quote:
            guard let text = quoted() else { return .other }
            word = text
            return separated() ? .quoted : .other
        default:
            return endsLine() ? .end : .other
        }
    }

    /// The bytes of `word`, which is not quoted.
    func bytes(of word: Lexeme) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(word.start) ..< Int(word.end)])
    }

    /// The first 8 bytes of `word` (bare, so holding no 0), those past its end zero, as a
    /// little-endian number: a verb or `via` is told in one test against its `Spelling`. One load:
    /// the file keeps 8 zero bytes after its text (`SourceFile.terminatedPadding`).
    @inline(__always)
    func leadingBytes(of word: Lexeme) -> UInt64 {
        let loaded = UInt64(littleEndian: UnsafeRawPointer(base + Int(word.start)).loadUnaligned(as: UInt64.self))
        let length = Int(word.end) - Int(word.start)
        return length >= 8 ? loaded : loaded & ((1 << (8 * UInt64(length))) &- 1)
    }

    /// Words as `leadingBytes` reads them (`ByteLookupTests` checks each against its text).
    enum Spelling {
        static let put: UInt64 = 0x74_75_70
        static let get: UInt64 = 0x74_65_67
        static let via: UInt64 = 0x61_69_76
        static let delete: UInt64 = 0x65_74_65_6C_65_64
        static let expect: UInt64 = 0x74_63_65_70_78_65
        static let `repeat`: UInt64 = 0x74_61_65_70_65_72
    }

    @inline(__always)
    private mutating func skipBlanks() {
        var byte = base + index
        while byte.pointee == Self.space || byte.pointee == Self.tab { byte += 1 }
        index = byte - base
    }

    /// After a word or value: a blank, a comment, a brace or a line end (`|` too for the lexer, but
    /// never in a plain line). A "\r" or a 0 that does not end the line passes here and stops the
    /// next `next()`.
    @inline(__always)
    private func separated() -> Bool { Self.classOf(bytes[index]) & Self.endsWord != 0 }

    /// At `index`, the line ends or a comment starts: if so, sets `line` and `nextStart`.
    private mutating func endsLine() -> Bool {
        let byte = bytes[index]
        switch byte {
        case Self.newline:
            finishLine(end: index, lineEnd: index)
        case Self.carriageReturn:
            // The line end only before "\n" or last in the file; elsewhere the lexer rejects it.
            if bytes[index + 1] == Self.newline {
                finishLine(end: index, lineEnd: index + 1)
            } else if index + 1 == count {
                finishLine(end: index, lineEnd: count)
            } else {
                return false
            }
        case 0:
            guard index == count else { return false }
            finishLine(end: index, lineEnd: index)
        case Self.hash:
            let (lineEnd, asciiEnd) = ByteScan.lineEnd(in: UnsafeBufferPointer(rebasing: bytes[..<count]), from: index)
            firstNonASCII = min(firstNonASCII, asciiEnd)
            finishLine(end: bytes[lineEnd - 1] == Self.carriageReturn ? lineEnd - 1 : lineEnd, lineEnd: lineEnd)
        default:
            return false
        }
        return true
    }

    /// The line's text ends at `end`, its line end (the "\n", or `count`) at `lineEnd`.
    private mutating func finishLine(end: Int, lineEnd: Int) {
        line = SourceFile.LineBounds(start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end),
                                     asciiEnd: UInt32(truncatingIfNeeded: min(firstNonASCII, end)))
        nextStart = lineEnd == count ? nil : lineEnd + 1
    }

    /// Each byte's class, by its value, as a letter from "@" (bits 0x40 and up are not a class):
    /// bit 0 (1): in bare words (as `Lexer.isBare`) but `$`; bit 1 (2): `$` (bare too, perhaps `$i`);
    /// bit 2 (4): may end a word (blanks, `#`, braces, "\n", "\r", 0); bit 3 (8): stops the scan of a
    /// quoted word (`"`, `\`, `$`, "\n", 0, non-ASCII). A literal's bytes: read with no lazy
    /// initialization and no bounds check (a byte's value is always below its 256 bytes).
    static var byteClasses: StaticString {
        """
        L@@@@@@@@DL@@D@@@@@@@@@@@@@@@@@@\
        D@HDJA@@@@AA@AAAAAAAAAAAAAA@@@@@\
        AAAAAAAAAAAAAAAAAAAAAAAAAAA@H@@A\
        @AAAAAAAAAAAAAAAAAAAAAAAAAAD@D@@\
        HHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHH\
        HHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHH\
        HHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHH\
        HHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHH
        """
    }

    static let bare: UInt8 = 1, dollarClass: UInt8 = 2, endsWord: UInt8 = 4, stopsQuoted: UInt8 = 8

    @inline(__always)
    static func classOf(_ byte: UInt8) -> UInt8 { byteClasses.utf8Start[Int(byte)] }

    /// The end of the bare word at `first`. `$` is not in the fast loop's class: it is rare, and
    /// noting it there would cost every byte a test.
    @inline(__always)
    private mutating func bareEnd(from first: Int) -> Int {
        var byte = base + first
        while true {
            while Self.classOf(byte.pointee) & Self.bare != 0 { byte += 1 }
            guard byte.pointee == Self.dollar else { break }
            sawDollar = true
            byte += 1
        }
        return byte - base
    }

    /// The quoted word whose quote is at `index`, moving past it; nil where the lexer reports an
    /// error (an unknown escape, no closing quote on the line).
    private mutating func quoted() -> Lexeme? {
        let opening = index
        var index = opening + 1
        var escaped = false
        while true {
            let byte = bytes[index]
            guard Self.classOf(byte) & Self.stopsQuoted != 0 else {
                index &+= 1
                continue
            }
            switch byte {
            case Self.quote:
                self.index = index + 1
                return Lexeme(from: opening, to: index + 1, line: number, quoted: true, escaped: escaped)
            case Self.backslash:
                switch bytes[index + 1] {
                case Self.quote, Self.backslash, UInt8(ascii: "n"), UInt8(ascii: "t"): break
                default: return nil
                }
                escaped = true
                index += 2
                continue
            case Self.dollar:
                sawDollar = true
            case Self.newline:
                return nil
            case 0:
                guard index < count else { return nil }
            default:
                firstNonASCII = min(firstNonASCII, index)
            }
            index += 1
        }
    }

    @inline(__always)
    private func lexeme(from first: Int, to last: Int) -> Lexeme { Lexeme(from: first, to: last, line: number) }
}
