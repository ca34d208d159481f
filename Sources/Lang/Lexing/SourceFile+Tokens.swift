/// Reading tokens: their text, their ranges and how they are shown, from the file's bytes.
/// Only here does a lexeme become a `String` or a `SourceRange`.
extension SourceFile {
    /// The text of `lexeme`, escapes resolved.
    func text(_ lexeme: Lexeme) -> String { text(lexeme.textBytes, escaped: lexeme.escaped) }

    /// `lexeme` as the AST's commands have it: its text stays in the file until it is read.
    func word(_ lexeme: Lexeme) -> Word {
        var reader = SourceReader(file: self)
        return reader.word(lexeme)
    }

    /// Where `lexeme` stands, quotes included.
    func range(_ lexeme: Lexeme) -> SourceRange {
        range(from: Int(lexeme.start), to: Int(lexeme.end), line: Int(lexeme.line))
    }

    /// The range covering the whole token (for an assignment, field through value).
    func range(_ token: Token) -> SourceRange {
        var reader = SourceReader(file: self)
        return reader.range(token)
    }

    /// The bytes `start..<end` of line `line` as a range of Characters (at least one long).
    func range(from start: Int, to end: Int, line: Int) -> SourceRange {
        var reader = SourceReader(file: self)
        return reader.range(from: start, to: end, line: line)
    }

    /// The file's bytes, for reading words in place.
    var source: SourceBytes { SourceBytes(bytes: bytes) }

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

/// Makes the `Word`s and ranges of a file's lexemes. Columns count Characters; a reader asked along
/// a line in increasing order (a command's words) counts each Character once, so a long line of
/// many words is read in linear time.
struct SourceReader {
    let file: SourceFile
    /// The last column counted past a line's first non-ASCII byte: its line, byte and column.
    private var line = 0
    private var offset = 0
    private var column = 0

    init(file: SourceFile) { self.file = file }

    mutating func word(_ lexeme: Lexeme) -> Word {
        Word(source: lexeme.textBytes, escaped: lexeme.escaped, at: range(lexeme), quoted: lexeme.quoted)
    }

    mutating func range(_ lexeme: Lexeme) -> SourceRange {
        range(from: Int(lexeme.start), to: Int(lexeme.end), line: Int(lexeme.line))
    }

    mutating func range(_ token: Token) -> SourceRange {
        range(from: Int(token.word.start), to: Int(token.value?.end ?? token.word.end), line: Int(token.word.line))
    }

    mutating func range(from start: Int, to end: Int, line: Int) -> SourceRange {
        let column = column(at: start, line: line)
        return SourceRange(file: file, line: line, column: column, length: max(1, self.column(at: end, line: line) - column))
    }

    /// The 1-based column of byte `offset` of the file, on line `line`.
    ///
    /// Up to the line's first non-ASCII byte, bytes and Characters agree. Past it the Characters
    /// are counted from there (or from the offset asked before): the lexer splits lines only next to
    /// ASCII bytes (blanks, quotes, `=`, punctuation), where Characters always break, so counting
    /// in pieces gives the same columns as counting at once.
    mutating func column(at offset: Int, line: Int) -> Int {
        let bounds = file.bounds(ofLine: line)
        let start = Int(bounds.start), asciiEnd = Int(bounds.asciiEnd)
        let offset = min(max(start, offset), Int(bounds.end))
        if offset <= asciiEnd { return offset - start + 1 }
        if line != self.line || offset < self.offset {
            (self.line, self.offset, column) = (line, asciiEnd, asciiEnd - start + 1)
        }
        column += String(decoding: UnsafeBufferPointer(rebasing: file.bytes[self.offset..<offset]), as: UTF8.self).count
        self.offset = offset
        return column
    }
}
