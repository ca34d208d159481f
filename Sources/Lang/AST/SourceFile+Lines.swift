/// A file's line table: split by `SourceFile.init`, or filled line by line by the parser, which
/// finds most lines' ends in the scan of their words and so spares the file a pass of its own.
///
/// Lines end at "\n"; a "\r" before it (or last in the file) is not part of the line. A last line
/// left empty by that (the text ends with a line end) is not a line, unless it is the only one.
struct LineTable {
    var bounds: [SourceFile.LineBounds]
    /// Where the next line starts; nil once every line is in `bounds`.
    var nextStart: Int?
}

extension SourceFile {
    /// Where the line to note next starts; nil when every line is noted.
    var nextLineStart: Int? { lineTable.pointee.nextStart }

    /// Notes the line at `nextLineStart`, which the parser has read: its bounds, and where the next
    /// starts (nil: it ends the file).
    func noteLine(_ line: LineBounds, next: Int?) {
        if next != nil || line.start != line.end || lineTable.pointee.bounds.isEmpty {
            lineTable.pointee.bounds.append(line)
        }
        lineTable.pointee.nextStart = next
    }

    /// Notes the line at `nextLineStart` (which must not be nil) as `init` splits it, and returns it.
    @discardableResult
    func noteNextLine() -> LineBounds {
        let (line, next) = Self.line(in: bytes, from: lineTable.pointee.nextStart ?? bytes.count)
        noteLine(line, next: next)
        return line
    }

    /// Notes every line not noted yet.
    func completeLines() {
        while nextLineStart != nil { noteNextLine() }
    }

    /// The line starting at `start` in `bytes`, and where the next starts (nil: it ends the file).
    static func line(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (LineBounds, next: Int?) {
        // Split on bytes, not Characters: "\r\n" is one Character, so splitting on the Character
        // "\n" would miss CRLF line ends (and bytes are much faster).
        let (lineEnd, asciiEnd) = ByteScan.lineEnd(in: bytes, from: start)
        var end = lineEnd
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = LineBounds(start: UInt32(start), end: UInt32(end), asciiEnd: UInt32(min(asciiEnd, end)))
        return (line, lineEnd == bytes.count ? nil : lineEnd + 1)
    }
}
