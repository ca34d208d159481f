/// A script's text, split into lines, with the path it is shown as in diagnostics.
public final class SourceFile: Sendable {
    /// The path as the user wrote it (or `<stdin>`, `<repl>`), used in `file:line:column`.
    public let path: String
    /// Lines without their line ends; a leading BOM is already removed.
    public let lines: [String]

    public init(path: String, text: String) {
        self.path = path
        // Split on bytes, not Characters: "\r\n" is one Character, so splitting on the Character
        // "\n" would miss CRLF line ends (and bytes are much faster).
        var text = text
        var lines: [String] = []
        text.withUTF8 { bytes in
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            func appendLine(to end: Int) {
                var end = end
                if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            }
            var index = start
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\n") {
                    appendLine(to: index)
                    start = index + 1
                }
                index += 1
            }
            appendLine(to: bytes.count)
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
