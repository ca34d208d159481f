/// A script's text, split into lines, with the path it is shown as in diagnostics.
///
/// Keeps the text once, as UTF-8 bytes, with the byte range of each line: the lexer reads the
/// bytes in place, and a line becomes a `String` only when a diagnostic shows it.
///
/// `@unchecked Sendable`: `bytes` and the line table are written only in `init` or, for a file made
/// for the parser, by that parser while it reads the file (`SourceFile+Lines.swift`), which leaves the
/// table whole before the file is seen anywhere else; both are read-only after that, and freed in
/// `deinit`. Holding them behind pointers (not arrays) lets the parser read them without a
/// `withUnsafeBufferPointer` (and its reference counting), or an exclusivity check, at every word.
public final class SourceFile: @unchecked Sendable {
    /// The path as the user wrote it (or `<stdin>`, `<repl>`), used in `file:line:column`.
    public let path: String
    /// The text's UTF-8 bytes, line ends and any leading BOM included.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Each line's bounds, and where the next line to find starts.
    let lineTable: UnsafeMutablePointer<LineTable>

    /// The most bytes a script may hold: offsets in it are 32-bit (`Lexeme`, `LineBounds`).
    static let maxBytes = Int(UInt32.max)

    /// The text holds more than `maxBytes`: it is kept as one empty line, and the parser rejects it.
    var isTooLarge: Bool { bytes.count > Self.maxBytes }

    /// Where a line's bytes are, 32-bit like `Lexeme`'s offsets.
    struct LineBounds: Equatable {
        let start: UInt32
        let end: UInt32
        /// Its first non-ASCII byte, or `end`: before it, columns are byte offsets.
        let asciiEnd: UInt32

        var bytes: Range<Int> { Int(start) ..< Int(end) }
    }

    /// The text, split into lines now.
    public convenience init(path: String, text: String) {
        self.init(path: path, text: text, linesFoundByParser: false)
    }

    /// `linesFoundByParser`: the lines are left to `ScriptParser`, which notes each as it reads it
    /// (`noteLine`), and completes the table when it is done, whether it parsed the file or threw.
    /// Otherwise they are split now.
    init(path: String, text: String, linesFoundByParser: Bool) {
        self.path = path
        var text = text
        let count = text.utf8.count
        let start = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
        HugePages.advise(start, byteCount: max(count, 1))
        let storage = UnsafeMutableBufferPointer(start: start, count: count)
        _ = text.withUTF8 { storage.initialize(fromContentsOf: $0) }
        bytes = UnsafeBufferPointer(storage)
        lineTable = .allocate(capacity: 1)
        guard count <= Self.maxBytes else {
            var table = LineTable(capacity: 1, nextStart: nil)
            table.append(LineBounds(start: 0, end: 0, asciiEnd: 0))
            lineTable.initialize(to: table)
            return
        }
        let firstLine = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        lineTable.initialize(to: LineTable(capacity: count / 32 + 1, nextStart: firstLine))
        if !linesFoundByParser { completeLines() }
    }

    deinit {
        bytes.deallocate()
        lineTable.deinitialize(count: 1)
        lineTable.deallocate()
    }

    /// Each line's bytes without its line end (and, for the first, without a leading BOM).
    var lineBounds: [LineBounds] { lineTable.pointee.all }

    /// The bounds of line `number` (1-based, at most `lineCount`).
    func bounds(ofLine number: Int) -> LineBounds { lineTable.pointee[number - 1] }

    /// Lines without their line ends; a leading BOM is already removed.
    public var lines: [String] { lineBounds.map { text($0.bytes) } }

    /// How many lines there are (at least 1: an empty text is one empty line).
    public var lineCount: Int { lineTable.pointee.count }

    /// Line `number` (1-based), or "" when there is no such line.
    public func line(_ number: Int) -> String {
        number >= 1 && number <= lineCount ? text(bounds(ofLine: number).bytes) : ""
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
