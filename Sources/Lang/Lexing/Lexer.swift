/// Splits one line of a script into tokens (docs/language.md, "Words and lines").
///
/// Works on the UTF-8 bytes of the file, in place: bare words, `=`, punctuation, blanks and `#` are
/// all ASCII, so only quoted strings ever hold other bytes. Tokens record where their words are;
/// no `String` is made here.
enum Lexer {
    /// Appends the tokens of line `number` of `file` to `tokens`; throws at the first bad character.
    static func lex(_ number: Int, of file: SourceFile, into tokens: inout [Token]) throws(ScriptError) {
        var line = LineTokens()
        try lex(number, of: file, into: &line)
        line.withTokens { tokens.append(contentsOf: $0) }
    }

    /// The tokens of line `number` of `file`, in place of those of the line lexed before into `tokens`.
    static func lex(_ number: Int, of file: SourceFile, into tokens: inout LineTokens) throws(ScriptError) {
        guard number >= 1 && number <= file.lineCount else {
            tokens.reset(forLineOf: 0)
            return
        }
        let line = file.bounds(ofLine: number)
        let scanner = LineScanner(file: file, start: Int(line.start), end: Int(line.end), line: number)
        try tokens.fill(forLineOf: Int(line.end - line.start)) { buffer throws(ScriptError) in try scanner.scan(into: buffer) }
    }

    /// The text of a quoted string's bytes (between its quotes) with its escapes resolved
    /// (`\"`, `\\`, `\n`, `\t`: the lexer has rejected any other).
    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") && index + 1 < bytes.count {
                switch bytes[index + 1] {
                case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
                case let escaped: text.append(escaped)
                }
                index += 2
            } else {
                text.append(byte)
                index += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Letters, digits and `. _ - : / @ + $ * %`: bit `b` of `bareBelow64` (or bit `b - 64` of
    /// `bareBelow128`) is set for each such byte `b` (this runs on nearly every byte of a script).
    @inline(__always)
    static func isBare(_ byte: UInt8) -> Bool {
        let bareBelow64: UInt64 = 0x07FF_EC30_0000_0000     // $ % * + - . / 0-9 :
        let bareBelow128: UInt64 = 0x07FF_FFFE_87FF_FFFF    // @ A-Z _ a-z
        if byte < 64 { return bareBelow64 >> byte & 1 != 0 }
        return byte < 128 && bareBelow128 >> (byte & 63) & 1 != 0
    }
}

/// The scanning state for one line. Indices are offsets in the whole file's bytes.
private struct LineScanner {
    /// The file's bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The line's bytes are `start..<end`.
    let start: Int
    let end: Int
    /// Unowned: a scanner lives only while its line is lexed, by a caller that holds the file
    /// (so a line costs no reference counting); it is read only for errors.
    unowned(unsafe) let file: SourceFile
    let line: Int

    init(file: SourceFile, start: Int, end: Int, line: Int) {
        self.bytes = file.bytes
        self.start = start
        self.end = end
        self.file = file
        self.line = line
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), hash = UInt8(ascii: "#")
    private static let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "="), backslash = UInt8(ascii: "\\")

    /// Writes the line's tokens to `tokens`, which has room for one per byte of the line (each
    /// token takes at least one); returns how many.
    func scan(into tokens: UnsafeMutableBufferPointer<Token>) throws(ScriptError) -> Int {
        var count = 0
        func append(_ token: Token) {
            tokens[count] = token
            count += 1
        }
        var index = start
        while index < end {
            let byte = bytes[index]
            switch byte {
            case Self.space, Self.tab:
                index += 1
            case Self.hash:
                return count
            case UInt8(ascii: "|"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                let kind: Token.Kind = byte == UInt8(ascii: "|") ? .pipe : byte == UInt8(ascii: "{") ? .openBrace : .closeBrace
                append(Token(kind, lexeme(from: index, to: index + 1)))
                index += 1
            case Self.quote:
                var dollar = false
                let (text, end) = try quoted(at: index, dollar: &dollar)
                append(Token(.word, text, holdsIteration: dollar && holdsIteration(from: index, to: end)))
                index = end
                try expectSeparator(at: index, after: "a quoted string")
            case Self.equals:
                throw error("`=` needs a field name before it, with no blanks: field=value", from: index, to: index + 1)
            default:
                guard Lexer.isBare(byte) else { throw badCharacter(at: index) }
                let fieldStart = index
                // Set when a `$` is seen: only then can the token hold `$i`.
                var dollar = false
                let fieldEnd = bareEnd(from: index, dollar: &dollar)
                let field = lexeme(from: index, to: fieldEnd)
                if fieldEnd < end && bytes[fieldEnd] == Self.equals {
                    let valueStart = fieldEnd + 1
                    let value: Lexeme
                    if valueStart < end && bytes[valueStart] == Self.quote {
                        (value, index) = try quoted(at: valueStart, dollar: &dollar)
                    } else if valueStart < end && Lexer.isBare(bytes[valueStart]) {
                        let valueEnd = bareEnd(from: valueStart, dollar: &dollar)
                        value = lexeme(from: valueStart, to: valueEnd)
                        index = valueEnd
                    } else if valueStart < end && !isSeparator(bytes[valueStart]) && bytes[valueStart] != Self.equals {
                        throw badCharacter(at: valueStart)
                    } else if valueStart < end && bytes[valueStart] == Self.equals {
                        let name = text(from: fieldStart, to: fieldEnd)
                        throw error("a value cannot start with `=`: quote it (\(name)=\"=…\")",
                                    from: valueStart, to: valueStart + 1)
                    } else {
                        let name = text(from: fieldStart, to: fieldEnd)
                        throw error("`\(name)=` has no value: write a value with no blank after `=`, "
                                    + "or \(name)=\"\" for an empty one", from: index, to: valueStart)
                    }
                    append(Token(.assignment, field, value: value,
                                 holdsIteration: dollar && holdsIteration(from: fieldStart, to: index)))
                    try expectSeparator(at: index, after: "a value")
                } else {
                    append(Token(.word, field, holdsIteration: dollar && holdsIteration(from: index, to: fieldEnd)))
                    index = fieldEnd
                    try expectSeparator(at: index, after: "a word")
                }
            }
        }
        return count
    }

    /// After a word or value: the end, a blank, a comment or punctuation. Catches `abc"x"` and `"x"y`.
    @inline(__always)
    private func expectSeparator(at index: Int, after what: String) throws(ScriptError) {
        guard index < end && !isSeparator(bytes[index]) else { return }
        throw notSeparated(at: index, after: what)
    }

    /// The error for what follows a word or value without a separator.
    private func notSeparated(at index: Int, after what: String) -> ScriptError {
        switch bytes[index] {
        case Self.quote:
            return error("a quote cannot start right after \(what): put a blank before it", from: index, to: index + 1)
        case Self.equals where what == "a value":
            return error("a value cannot hold `=`: quote it (\"…=…\")", from: index, to: index + 1)
        case Self.equals:
            return error("`=` must follow a bare field name: field=value, with no quotes around the field",
                         from: index, to: index + 1)
        default:
            if Lexer.isBare(bytes[index]) {
                return error("a word cannot start right after \(what): put a blank before it", from: index, to: index + 1)
            }
            return badCharacter(at: index)
        }
    }

    /// Blanks, `#` and punctuation: what may end a word.
    @inline(__always)
    private func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case Self.space, Self.tab, Self.hash, UInt8(ascii: "|"), UInt8(ascii: "{"), UInt8(ascii: "}"): return true
        default: return false
        }
    }

    /// The bytes hold `$i` (asked only of a token seen to hold a `$`).
    private func holdsIteration(from first: Int, to last: Int) -> Bool {
        var index = first
        while index + 1 < last {
            if bytes[index] == UInt8(ascii: "$") && bytes[index + 1] == UInt8(ascii: "i") { return true }
            index += 1
        }
        return false
    }

    /// The end of the bare word at `first`; sets `dollar` if it holds a `$`.
    @inline(__always)
    private func bareEnd(from first: Int, dollar: inout Bool) -> Int {
        var index = first
        while index < end {
            let byte = bytes[index]
            index &+= 1
            // Lowercase letters first: most of a word, and cheaper to test than the bitmap.
            if byte &- UInt8(ascii: "a") < 26 { continue }
            guard Lexer.isBare(byte) else { return index - 1 }
            if byte == UInt8(ascii: "$") { dollar = true }
        }
        return index
    }

    /// Text for messages.
    private func text(from first: Int, to last: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
    }

    /// A quoted string starting at the quote at `start`: its lexeme and the index after it.
    /// Checks its escapes; the parser resolves them when it needs the text. Sets `dollar` if it holds a `$`.
    private func quoted(at opening: Int, dollar: inout Bool) throws(ScriptError) -> (Lexeme, Int) {
        var index = opening + 1
        var escaped = false
        while index < end {
            let byte = bytes[index]
            if byte == Self.quote {
                let after = index + 1
                return (Lexeme(from: opening, to: after, line: line, quoted: true, escaped: escaped), after)
            }
            if byte == Self.backslash {
                guard index + 1 < end else { break }
                switch bytes[index + 1] {
                case Self.quote, Self.backslash, UInt8(ascii: "n"), UInt8(ascii: "t"):
                    break
                default:
                    let next = scalarText(at: index + 1)
                    throw error("unknown escape `\\\(next)`: quoted strings allow \\\" \\\\ \\n and \\t "
                                + "(write \\\\ for a backslash)", from: index, to: index + 1)
                }
                escaped = true
                index += 2
                continue
            }
            if byte == UInt8(ascii: "$") { dollar = true }
            index += 1
        }
        throw error("unclosed quote: a quoted string must end with `\"` on the same line", from: opening, to: opening + 1)
    }

    /// The error for a byte that cannot appear outside quotes, saying what to do instead.
    private func badCharacter(at index: Int) -> ScriptError {
        let byte = bytes[index]
        let shown = scalarText(at: index)
        let width = max(1, shown.utf8.count)
        if byte < 0x20 || byte == 0x7F {
            let code = String(byte, radix: 16, uppercase: true)
            return error("control character U+\(String(repeating: "0", count: 4 - code.count))\(code) "
                         + "cannot appear in a script: remove it", from: index, to: index + 1)
        }
        if byte == UInt8(ascii: "'") {
            return error("strings are quoted with double quotes (\"…\"), not `'`", from: index, to: index + 1)
        }
        if byte >= 0x80 {
            return error("`\(shown)` cannot appear outside quotes: bare words hold ASCII letters, digits and "
                         + ". _ - : / @ + $ * %; put the word in double quotes (\"…\")", from: index, to: index + width)
        }
        return error("`\(shown)` cannot appear outside quotes: bare words hold letters, digits and "
                     + ". _ - : / @ + $ * %; put the word in double quotes (\"…\") or remove it",
                     from: index, to: index + 1)
    }

    /// The Unicode scalar starting at byte `index`, as text.
    private func scalarText(at index: Int) -> String {
        guard index < end else { return "" }
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return text(from: index, to: min(end, index + length))
    }

    /// A bare word (or a punctuation mark) from `first` to `last`.
    @inline(__always)
    private func lexeme(from first: Int, to last: Int) -> Lexeme {
        Lexeme(from: first, to: last, line: line)
    }

    private func error(_ message: String, from first: Int, to last: Int) -> ScriptError {
        ScriptError(message, at: file.range(from: first, to: last, line: line))
    }
}
