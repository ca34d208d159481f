/// A script's text, split into lines, with the path it is shown as in diagnostics.
///
/// Keeps the text once, as UTF-8 bytes, with the byte range of each line: the lexer reads the
/// bytes in place, and a line becomes a `String` only when a diagnostic shows it.
public final class SourceFile: Sendable {
    /// The path as the user wrote it (or `<stdin>`, `<repl>`), used in `file:line:column`.
    public let path: String
    /// The text's UTF-8 bytes, line ends and any leading BOM included.
    let bytes: [UInt8]
    /// Each line's bytes without its line end (and, for the first, without a leading BOM).
    let lineBounds: [LineBounds]

    /// Where a line's bytes are, 32-bit like `Lexeme`'s offsets.
    struct LineBounds {
        let start: UInt32
        let end: UInt32
        /// Its first non-ASCII byte, or `end`: before it, columns are byte offsets.
        let asciiEnd: UInt32

        var bytes: Range<Int> { Int(start) ..< Int(end) }
    }

    public init(path: String, text: String) {
        self.path = path
        let bytes = Array(text.utf8)
        // Split on bytes, not Characters: "\r\n" is one Character, so splitting on the Character
        // "\n" would miss CRLF line ends (and bytes are much faster).
        var lineBounds: [LineBounds] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        bytes.withUnsafeBufferPointer { bytes in
            while true {
                let (lineEnd, asciiEnd) = ByteScan.lineEnd(in: bytes, from: start)
                var end = lineEnd
                if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                lineBounds.append(LineBounds(start: UInt32(start), end: UInt32(end), asciiEnd: UInt32(min(asciiEnd, end))))
                if lineEnd == bytes.count { break }
                start = lineEnd + 1
            }
        }
        if lineBounds.count > 1, let last = lineBounds.last, last.start == last.end { lineBounds.removeLast() }
        self.bytes = bytes
        self.lineBounds = lineBounds
    }

    /// Lines without their line ends; a leading BOM is already removed.
    public var lines: [String] { lineBounds.map { text($0.bytes) } }

    /// How many lines there are (at least 1: an empty text is one empty line).
    public var lineCount: Int { lineBounds.count }

    /// Line `number` (1-based), or "" when there is no such line.
    public func line(_ number: Int) -> String {
        number >= 1 && number <= lineBounds.count ? text(lineBounds[number - 1].bytes) : ""
    }

    /// The text of some of the bytes (lines are valid UTF-8 or repaired, as `String(decoding:)` does).
    func text(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The text of a word's bytes; `escaped`: a quoted word's, with its escapes still to resolve.
    func text(_ range: Range<Int>, escaped: Bool) -> String {
        guard escaped else { return text(range) }
        return bytes.withUnsafeBufferPointer { Lexer.unescape(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}

/// A span of one line: 1-based line and column (columns count Characters), and its length.
public struct SourceRange: Equatable, Sendable {
    public var file: SourceFile
    public var line: Int
    public var column: Int
    public var length: Int

    public init(file: SourceFile, line: Int, column: Int, length: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.length = length
    }

    public static func == (a: SourceRange, b: SourceRange) -> Bool {
        a.file === b.file && a.line == b.line && a.column == b.column && a.length == b.length
    }

    /// `file:line:column`
    public var location: String { "\(file.path):\(line):\(column)" }
}
