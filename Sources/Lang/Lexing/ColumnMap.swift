/// Turns byte offsets in one line into 1-based Character columns.
///
/// The lexer works on UTF-8 bytes; diagnostics count Characters. Up to the first non-ASCII byte
/// the two agree, so the common all-ASCII line costs one quick scan. Past it, columns are counted
/// incrementally between the (increasing) offsets asked for.
struct ColumnMap {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let firstNonASCII: Int
    private var lastOffset: Int
    private var lastColumn: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        firstNonASCII = ByteScan.firstNonASCII(in: bytes, from: 0, to: bytes.count)
        lastOffset = firstNonASCII
        lastColumn = firstNonASCII + 1
    }

    /// The column of the byte at `offset` (`offset` may equal the line's length: one past the end).
    @inline(__always)
    mutating func column(at offset: Int) -> Int {
        let offset = min(max(0, offset), bytes.count)
        if offset <= firstNonASCII { return offset + 1 }
        return columnPastASCII(at: offset)
    }

    private mutating func columnPastASCII(at offset: Int) -> Int {
        if offset < lastOffset {
            lastOffset = firstNonASCII
            lastColumn = firstNonASCII + 1
        }
        let segment = UnsafeBufferPointer(rebasing: bytes[lastOffset..<offset])
        lastColumn += String(decoding: segment, as: UTF8.self).count
        lastOffset = offset
        return lastColumn
    }
}
