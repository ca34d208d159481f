#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes text straight to a file descriptor with `write(2)`, so that nothing sits in a buffer and
/// the order of lines on one stream is exactly the order they were written in.
struct FileDescriptorWriter: Sendable {
    let fd: Int32

    static let standardOutput = FileDescriptorWriter(fd: 1)
    static let standardError = FileDescriptorWriter(fd: 2)

    /// Whether the descriptor is a terminal.
    var isTerminal: Bool { isatty(fd) == 1 }

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, base + offset, buffer.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return // closed pipe or full disk: drop the rest rather than spin
                }
            }
        }
    }
}

private func systemWrite(_ fd: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, pointer, count)
    #else
    return Darwin.write(fd, pointer, count)
    #endif
}
