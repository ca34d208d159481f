#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches that read eight bytes at a time (SWAR): the scans that touch every byte of a
/// script (finding line ends and each line's first non-ASCII byte) stay cheap on large files.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// True when `a` and `b` hold the same bytes (a plain loop: `elementsEqual` costs several
    /// times more on the short words compared here).
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var index = 0
        while index < a.count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }

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

    /// The end of the line starting at `start` (the index of its "\n", or `bytes.count`) and the
    /// index of its first non-ASCII byte (or that end).
    static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, asciiEnd: Int) {
        #if canImport(Glibc) || canImport(Darwin)
        // The C library's memchr (vectorized) finds the line end; the line's bytes are then OR-ed
        // eight at a time to tell whether any is non-ASCII, which is rare: only then is it found.
        guard let base = bytes.baseAddress, start < bytes.count else { return (start, start) }
        let end: Int
        if let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
            end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        } else {
            end = bytes.count
        }
        let raw = UnsafeRawPointer(base)
        var index = start
        var high: UInt64 = 0
        while index + 8 <= end {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < end {
            high |= UInt64(base[index])
            index += 1
        }
        guard high & highBits != 0 else { return (end, end) }
        index = start
        while base[index] < 0x80 { index += 1 }
        return (end, index)
        #else
        return swarLineEnd(in: bytes, from: start)
        #endif
    }

    /// `lineEnd` in one pass of SWAR, where there is no C library's memchr.
    static func swarLineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, asciiEnd: Int) {
        let newline = UInt8(ascii: "\n")
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let pattern = ones &* UInt64(newline)
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let high = word & highBits
                let newlines = ((word ^ pattern) &- ones) & ~(word ^ pattern) & highBits
                if high | newlines != 0 {
                    // The lowest flagged byte of each is exact.
                    let newlineAt = newlines != 0 ? index + newlines.trailingZeroBitCount / 8 : Int.max
                    let highAt = high != 0 ? index + high.trailingZeroBitCount / 8 : Int.max
                    if newlineAt < highAt { return (newlineAt, newlineAt) }
                    return (first(newline, in: bytes, from: highAt), highAt)
                }
                index += 8
            }
        }
        while index < bytes.count && bytes[index] != newline {
            if bytes[index] >= 0x80 { return (first(newline, in: bytes, from: index), index) }
            index += 1
        }
        return (index, index)
    }
}
