/// Byte searches that read eight bytes at a time (SWAR): the scans that touch every byte of a
/// script (finding line ends, and whether a line is all ASCII) stay cheap on large files.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first `byte` in `bytes[start...]`, or `bytes.count` when there is none.
    static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let pattern = ones &* UInt64(byte)
            while index + 8 <= bytes.count {
                // A byte equal to `byte` is a zero byte of `word`; the lowest flagged byte is exact.
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ pattern
                let zeros = (word &- ones) & ~word & highBits
                if zeros != 0 { return index + zeros.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < bytes.count && bytes[index] != byte { index += 1 }
        return index
    }

    /// The index of the first byte of `bytes[start..<end]` that is not ASCII, or `end`.
    static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= end {
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) & highBits
                if high != 0 { return index + high.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < end && bytes[index] < 0x80 { index += 1 }
        return index
    }
}
