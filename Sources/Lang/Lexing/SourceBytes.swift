/// A file's bytes, read in place: words compared and checked without making a `String` and
/// without touching the `SourceFile` (a class: each use of it costs reference counting).
struct SourceBytes {
    let bytes: UnsafeBufferPointer<UInt8>

    /// True when the text of `lexeme` is `text`, compared on bytes (no `String` is made).
    func spells(_ lexeme: Lexeme, _ text: String) -> Bool {
        guard !lexeme.escaped, lexeme.textBytes.count == text.utf8.count else { return false }
        var text = text
        return text.withUTF8 { spells(lexeme, $0) }
    }

    /// True when the text of `lexeme` is the literal `text`.
    func spells(_ lexeme: Lexeme, _ text: StaticString) -> Bool {
        text.withUTF8Buffer { spells(lexeme, $0) }
    }

    /// The UTF-8 text of `lexeme`, which holds no escapes, read in place.
    func withText<R>(of lexeme: Lexeme, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(rebasing: bytes[lexeme.textBytes]))
    }

    /// True when the text of `lexeme` is the UTF-8 `expected`.
    func spells(_ lexeme: Lexeme, _ expected: UnsafeBufferPointer<UInt8>) -> Bool {
        !lexeme.escaped && ByteScan.equal(UnsafeBufferPointer(rebasing: bytes[lexeme.textBytes]), expected)
    }

    /// True when two bare words (no escapes to resolve) have the same text.
    func sameText(_ a: Lexeme, _ b: Lexeme) -> Bool {
        !a.escaped && !b.escaped && withText(of: a) { a in withText(of: b) { ByteScan.equal(a, $0) } }
    }

    /// True when `lexeme`'s bytes surely make a valid node or stream name (`Vocabulary.isSurelyValidName`).
    func isSurelyValidName(_ lexeme: Lexeme) -> Bool { withText(of: lexeme, Vocabulary.isSurelyValidName) }

    /// True when `token` is the bare word `keyword`.
    func isKeyword(_ token: Token, _ keyword: StaticString) -> Bool { token.isBare && spells(token.word, keyword) }
}
