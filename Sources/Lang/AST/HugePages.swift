#if canImport(Glibc)
import Glibc
#endif

/// Asks for huge pages behind a large buffer the parser is about to fill (Linux, where
/// transparent huge pages are commonly on for memory that asks: `madvise` mode). A 10 MB script's
/// bytes and tables first touch about 40 MB, and faulting that in 4 KB pages was a third of the
/// parse's time. Advice only: where it is not taken, nothing changes.
enum HugePages {
    /// Buffers smaller than this are left alone (a huge page is 2 MB).
    static let threshold = 4 << 20

    static func advise(_ start: UnsafeMutableRawPointer?, byteCount: Int) {
        #if os(Linux)
        guard let start, byteCount >= threshold else { return }
        let page = 4096
        let begin = (Int(bitPattern: start) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: start) + byteCount) & ~(page - 1)
        guard end > begin, let aligned = UnsafeMutableRawPointer(bitPattern: begin) else { return }
        _ = madvise(aligned, end - begin, MADV_HUGEPAGE)
        #endif
    }

    /// The same for an array's whole capacity, before it is filled.
    static func advise<T>(_ array: inout [T]) {
        let bytes = array.capacity * MemoryLayout<T>.stride
        guard bytes >= threshold else { return }
        array.withUnsafeMutableBufferPointer { advise(UnsafeMutableRawPointer($0.baseAddress), byteCount: bytes) }
    }
}
