/// A script's text, split into lines, with the path it is shown as in diagnostics.
public final class SourceFile: Sendable {
    /// The path as the user wrote it (or `<stdin>`, `<repl>`), used in `file:line:column`.
    public let path: String
    /// Lines without their line ends; a leading BOM is already removed.
    public let lines: [String]

    public init(path: String, text: String) {
        self.path = path
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        var lines: [String] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line.hasSuffix("\r") ? String(line.dropLast()) : String(line))
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
