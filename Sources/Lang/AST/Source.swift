/// A script's text, split into lines, with the path it is shown as in diagnostics.
///
/// Keeps the text once, as UTF-8 bytes, with the byte range of each line: the lexer reads the
/// bytes in place, and a line becomes a `String` only when a diagnostic shows it.
///
/// `@unchecked Sendable`: `bytes` is allocated and written only in `init`, read-only after it, and
/// freed in `deinit`. Holding it as a pointer (not an array) lets the parser read it without a
/// `withUnsafeBufferPointer` (and its reference counting) at every word.
public final class SourceFile: @unchecked Sendable {
    /// The path as the user wrote it (or `<stdin>`, `<repl>`), used in `file:line:column`.
    public let path: String
    /// The text's UTF-8 bytes, line ends and any leading BOM included.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Each line's bytes without its line end (and, for the first, without a leading BOM).
    let lineBounds: [LineBounds]

    /// The most bytes a script may hold: offsets in it are 32-bit (`Lexeme`, `LineBounds`).
    static let maxBytes = Int(UInt32.max)

    /// The text holds more than `maxBytes`: it is kept as one empty line, and the parser rejects it.
    var isTooLarge: Bool { bytes.count > Self.maxBytes }

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
        var text = text
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.utf8.count)
        _ = text.withUTF8 { storage.initialize(fromContentsOf: $0) }
        let bytes = UnsafeBufferPointer(storage)
        self.bytes = bytes
        guard bytes.count <= Self.maxBytes else {
            lineBounds = [LineBounds(start: 0, end: 0, asciiEnd: 0)]
            return
        }
        // Split on bytes, not Characters: "\r\n" is one Character, so splitting on the Character
        // "\n" would miss CRLF line ends (and bytes are much faster).
        var lineBounds: [LineBounds] = []
        lineBounds.reserveCapacity(bytes.count / 32 + 1)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while true {
            let (lineEnd, asciiEnd) = ByteScan.lineEnd(in: bytes, from: start)
            var end = lineEnd
            if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            lineBounds.append(LineBounds(start: UInt32(start), end: UInt32(end), asciiEnd: UInt32(min(asciiEnd, end))))
            if lineEnd == bytes.count { break }
            start = lineEnd + 1
        }
        if lineBounds.count > 1, let last = lineBounds.last, last.start == last.end { lineBounds.removeLast() }
        self.lineBounds = lineBounds
    }

    deinit { bytes.deallocate() }

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
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The text of a word's bytes; `escaped`: a quoted word's, with its escapes still to resolve.
    func text(_ range: Range<Int>, escaped: Bool) -> String {
        guard escaped else { return text(range) }
        return Lexer.unescape(UnsafeBufferPointer(rebasing: bytes[range]))
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
