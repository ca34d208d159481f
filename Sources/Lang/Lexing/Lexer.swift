/// Splits one line of a script into tokens (LANGUAGE.md, "Lexical rules").
///
/// Works on the line's UTF-8 bytes: bare words, `=`, punctuation, blanks and `#` are all ASCII,
/// so only quoted strings ever hold other bytes.
enum Lexer {
    /// Appends the tokens of line `number` of `file` to `tokens`; throws at the first bad character.
    static func lex(_ number: Int, of file: SourceFile, into tokens: inout [Token]) throws(ScriptError) {
        var line = file.line(number)
        let failure: ScriptError? = line.withUTF8 { bytes in
            var scanner = LineScanner(bytes: bytes, file: file, line: number)
            do throws(ScriptError) {
                try scanner.scan(into: &tokens)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Letters, digits and `. _ - : / @ + $ * %`.
    @inline(__always)
    static func isBare(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "/"),
             UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: "$"), UInt8(ascii: "*"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }
}

/// The scanning state for one line.
private struct LineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: SourceFile
    let line: Int
    var columns: ColumnMap

    init(bytes: UnsafeBufferPointer<UInt8>, file: SourceFile, line: Int) {
        self.bytes = bytes
        self.file = file
        self.line = line
        self.columns = ColumnMap(bytes)
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), hash = UInt8(ascii: "#")
    private static let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "="), backslash = UInt8(ascii: "\\")

    mutating func scan(into tokens: inout [Token]) throws(ScriptError) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case Self.space, Self.tab:
                index += 1
            case Self.hash:
                return
            case UInt8(ascii: "|"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                let kind: Token.Kind = byte == UInt8(ascii: "|") ? .pipe : byte == UInt8(ascii: "{") ? .openBrace : .closeBrace
                tokens.append(Token(kind, word(from: index, to: index + 1, text: String(UnicodeScalar(byte)))))
                index += 1
            case Self.quote:
                let (text, end) = try quoted(at: index)
                tokens.append(Token(.word, word(from: index, to: end, text: text, quoted: true),
                                    holdsIteration: holdsIteration(from: index, to: end)))
                index = end
                try expectSeparator(at: index, after: "a quoted string")
            case Self.equals:
                throw error("`=` needs a field name before it, with no blanks: field=value", from: index, to: index + 1)
            default:
                guard Lexer.isBare(byte) else { throw try badCharacter(at: index) }
                let start = index
                let end = bareEnd(from: index)
                let field = word(from: index, to: end, text: text(from: index, to: end))
                if end < bytes.count && bytes[end] == Self.equals {
                    let valueStart = end + 1
                    let value: Word
                    if valueStart < bytes.count && bytes[valueStart] == Self.quote {
                        let (text, valueEnd) = try quoted(at: valueStart)
                        value = word(from: valueStart, to: valueEnd, text: text, quoted: true)
                        index = valueEnd
                    } else if valueStart < bytes.count && Lexer.isBare(bytes[valueStart]) {
                        let valueEnd = bareEnd(from: valueStart)
                        value = word(from: valueStart, to: valueEnd, text: text(from: valueStart, to: valueEnd))
                        index = valueEnd
                    } else if valueStart < bytes.count && !isSeparator(bytes[valueStart]) && bytes[valueStart] != Self.equals {
                        throw try badCharacter(at: valueStart)
                    } else if valueStart < bytes.count && bytes[valueStart] == Self.equals {
                        throw error("a value cannot start with `=`: quote it (\(field.text)=\"=…\")",
                                    from: valueStart, to: valueStart + 1)
                    } else {
                        throw error("`\(field.text)=` has no value: write a value with no blank after `=`, "
                                    + "or \(field.text)=\"\" for an empty one", from: index, to: valueStart)
                    }
                    tokens.append(Token(.assignment, field, value: value,
                                        holdsIteration: holdsIteration(from: start, to: index)))
                    try expectSeparator(at: index, after: "a value")
                } else {
                    tokens.append(Token(.word, field, holdsIteration: holdsIteration(from: index, to: end)))
                    index = end
                    try expectSeparator(at: index, after: "a word")
                }
            }
        }
    }

    /// After a word or value: the end, a blank, a comment or punctuation. Catches `abc"x"` and `"x"y`.
    private mutating func expectSeparator(at index: Int, after what: String) throws(ScriptError) {
        guard index < bytes.count else { return }
        switch bytes[index] {
        case Self.space, Self.tab, Self.hash, UInt8(ascii: "|"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            return
        case Self.quote:
            throw error("a quote cannot start right after \(what): put a blank before it", from: index, to: index + 1)
        case Self.equals where what == "a value":
            throw error("a value cannot hold `=`: quote it (\"…=…\")", from: index, to: index + 1)
        case Self.equals:
            throw error("`=` must follow a bare field name: field=value, with no quotes around the field",
                        from: index, to: index + 1)
        default:
            if Lexer.isBare(bytes[index]) {
                throw error("a word cannot start right after \(what): put a blank before it", from: index, to: index + 1)
            }
            throw try badCharacter(at: index)
        }
    }

    /// Blanks, `#` and punctuation: what may end a word.
    private func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case Self.space, Self.tab, Self.hash, UInt8(ascii: "|"), UInt8(ascii: "{"), UInt8(ascii: "}"): return true
        default: return false
        }
    }

    /// The bytes hold `$i`.
    private func holdsIteration(from start: Int, to end: Int) -> Bool {
        var index = start
        while index + 1 < end {
            if bytes[index] == UInt8(ascii: "$") && bytes[index + 1] == UInt8(ascii: "i") { return true }
            index += 1
        }
        return false
    }

    private func bareEnd(from start: Int) -> Int {
        var end = start
        while end < bytes.count && Lexer.isBare(bytes[end]) { end += 1 }
        return end
    }

    private func text(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// A quoted string starting at the quote at `start`: its text (escapes resolved) and the index after it.
    private mutating func quoted(at start: Int) throws(ScriptError) -> (String, Int) {
        var index = start + 1
        var runStart = index
        var text: [UInt8] = []
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.quote {
                if !escaped { return (self.text(from: runStart, to: index), index + 1) }
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                return (String(decoding: text, as: UTF8.self), index + 1)
            }
            if byte == Self.backslash {
                guard index + 1 < bytes.count else { break }
                let replacement: UInt8
                switch bytes[index + 1] {
                case Self.quote: replacement = Self.quote
                case Self.backslash: replacement = Self.backslash
                case UInt8(ascii: "n"): replacement = UInt8(ascii: "\n")
                case UInt8(ascii: "t"): replacement = UInt8(ascii: "\t")
                default:
                    let next = scalarText(at: index + 1)
                    throw error("unknown escape `\\\(next)`: quoted strings allow \\\" \\\\ \\n and \\t "
                                + "(write \\\\ for a backslash)", from: index, to: index + 1)
                }
                escaped = true
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                text.append(replacement)
                index += 2
                runStart = index
                continue
            }
            index += 1
        }
        throw error("unclosed quote: a quoted string must end with `\"` on the same line", from: start, to: start + 1)
    }

    /// The error for a byte that cannot appear outside quotes, saying what to do instead.
    private mutating func badCharacter(at index: Int) throws(ScriptError) -> ScriptError {
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
        guard index < bytes.count else { return "" }
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return text(from: index, to: min(bytes.count, index + length))
    }

    private mutating func word(from start: Int, to end: Int, text: String, quoted: Bool = false) -> Word {
        Word(text, at: range(from: start, to: end), quoted: quoted)
    }

    private mutating func range(from start: Int, to end: Int) -> SourceRange {
        let column = columns.column(at: start)
        let endColumn = columns.column(at: end)
        return SourceRange(file: file, line: line, column: column, length: max(1, endColumn - column))
    }

    private mutating func error(_ message: String, from start: Int, to end: Int) -> ScriptError {
        ScriptError(message, at: range(from: start, to: end))
    }
}
