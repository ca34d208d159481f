/// A script's text, split into lines, with the path it is shown as in diagnostics.
public final class SourceFile: Sendable {
    /// The path as the user wrote it (or `<stdin>`, `<repl>`), used in `file:line:column`.
    public let path: String
    /// Lines without their line ends; a leading BOM is already removed.
    public let lines: [String]

    public init(path: String, text: String) {
        self.path = path
        var body = Substring(text).unicodeScalars
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // Split on scalars: "\r\n" is one Character, so a Character split would not see its "\n".
        var lines: [String] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(String(line.last == "\r" ? line.dropLast() : line))
        }
        if lines.last == "" && lines.count > 1 { lines.removeLast() }
        self.lines = lines
    }

    public func line(_ number: Int) -> String {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
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
