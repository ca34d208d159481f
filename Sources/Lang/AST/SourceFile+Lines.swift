/// A file's line table: split by `SourceFile.init`, or filled line by line by the parser, which
/// finds most lines' ends in the scan of their words and so spares the file a pass of its own.
///
/// Lines end at "\n"; a "\r" before it (or last in the file) is not part of the line. A last line
/// left empty by that (the text ends with a line end) is not a line, unless it is the only one.
///
/// Its bounds are kept in storage of its own rather than an array: the parser notes a line for
/// every ~40 bytes of a script, and an array's append (a uniqueness check each time) cost about
/// as much as scanning those bytes.
struct LineTable: ~Copyable {
    private var storage: UnsafeMutablePointer<SourceFile.LineBounds>
    private var capacity: Int
    private(set) var count = 0
    /// Where the next line starts; nil once every line is in the table.
    var nextStart: Int?

    init(capacity: Int, nextStart: Int?) {
        self.capacity = max(capacity, 1)
        storage = .allocate(capacity: self.capacity)
        self.nextStart = nextStart
    }

    // `LineBounds` is a trivial type: its memory needs no deinitializing.
    deinit { storage.deallocate() }

    /// Line `index + 1`'s bounds.
    subscript(index: Int) -> SourceFile.LineBounds {
        precondition(index >= 0 && index < count, "no such line")
        return storage[index]
    }

    var all: [SourceFile.LineBounds] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    mutating func append(_ line: SourceFile.LineBounds) {
        if count == capacity {
            let larger = UnsafeMutablePointer<SourceFile.LineBounds>.allocate(capacity: capacity * 2)
            larger.initialize(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        (storage + count).initialize(to: line)
        count += 1
    }
}

extension SourceFile {
    /// Where the line to note next starts; nil when every line is noted.
    var nextLineStart: Int? { lineTable.pointee.nextStart }

    /// Notes the line at `nextLineStart`, which the parser has read: its bounds, and where the next
    /// starts (nil: it ends the file).
    func noteLine(_ line: LineBounds, next: Int?) {
        if next != nil || line.start != line.end || lineTable.pointee.count == 0 {
            lineTable.pointee.append(line)
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
