#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written, in words for a message (`No such file or directory`).
struct FileWriteError: Error, Equatable, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

/// Writes a text file whole (the `--record` script), creating or truncating it.
///
/// Plain POSIX calls, like `TextFileReader`: kvrepl does not load Foundation (start-up time).
enum TextFileWriter {
    /// Whether `path` can be written, found out before a run rather than after it. Nothing is
    /// truncated (the file may be the script about to run), and a file made only to find out is
    /// removed again.
    static func checkWritable(_ path: String) throws(FileWriteError) {
        let existed = access(path, F_OK) == 0
        let fd = open(path, O_WRONLY | O_CREAT, 0o666)
        guard fd >= 0 else { throw FileWriteError(reason: systemErrorText(errno)) }
        close(fd)
        if !existed { unlink(path) }
    }

    static func write(_ text: String, to path: String) throws(FileWriteError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        guard fd >= 0 else { throw FileWriteError(reason: systemErrorText(errno)) }
        var failure: Int32?
        var text = text
        text.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let n = systemWrite(fd, bytes.baseAddress.map { $0 + written }, bytes.count - written)
                if n > 0 {
                    written += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    failure = errno
                    return
                }
            }
        }
        if close(fd) != 0 && failure == nil { failure = errno }
        if let failure { throw FileWriteError(reason: systemErrorText(failure)) }
    }
}

private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, pointer, count)
    #else
    return Darwin.write(fd, pointer, count)
    #endif
}
