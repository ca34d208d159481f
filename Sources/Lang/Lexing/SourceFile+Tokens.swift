/// Reading tokens: their text, their ranges and how they are shown, from the file's bytes.
/// Only here does a lexeme become a `String` or a `SourceRange`.
extension SourceFile {
    /// The text of `lexeme`, escapes resolved.
    func text(_ lexeme: Lexeme) -> String { text(lexeme.bytes, escaped: lexeme.escaped) }

    /// `lexeme` as the AST keeps it: its text stays in the file until it is read.
    func word(_ lexeme: Lexeme) -> Word {
        Word(source: lexeme.bytes, escaped: lexeme.escaped, at: range(lexeme.span), quoted: lexeme.quoted)
    }

    func range(_ span: Span) -> SourceRange {
        SourceRange(file: self, line: span.line, column: span.column, length: span.length)
    }

    /// The range covering the whole token (for an assignment, field through value).
    func range(_ token: Token) -> SourceRange { range(token.span) }

    /// True when the text of `lexeme` is `text`, compared on bytes (no `String` is made).
    func spells(_ lexeme: Lexeme, _ text: String) -> Bool {
        guard !lexeme.escaped, lexeme.bytes.count == text.utf8.count else { return false }
        var text = text
        return text.withUTF8 { spells(lexeme, $0) }
    }

    /// True when the text of `lexeme` is the UTF-8 `expected`.
    func spells(_ lexeme: Lexeme, _ expected: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !lexeme.escaped, lexeme.bytes.count == expected.count else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            var byte = lexeme.bytes.lowerBound
            while index < expected.count {
                if bytes[byte] != expected[index] { return false }
                index += 1
                byte += 1
            }
            return true
        }
    }

    /// True when `token` is the bare word `keyword`.
    func isKeyword(_ token: Token, _ keyword: String) -> Bool { token.isBare && spells(token.word, keyword) }

    /// The token as written, for messages: `a=1`, `"x y"`, `|`.
    func display(_ token: Token) -> String {
        func shown(_ lexeme: Lexeme) -> String { lexeme.quoted ? quote(text(lexeme)) : text(lexeme) }
        switch token.kind {
        case .assignment: return "\(text(token.word))=\(token.value.map(shown) ?? "")"
        case .word: return shown(token.word)
        default: return text(token.word)
        }
    }
}
