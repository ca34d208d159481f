#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read: its path, and the reason in words (`No such file or directory`).
///
/// Its description is the reason alone, as an `include`'s script error shows it after
/// "cannot read `x.kvs`: "; `message` is the sentence the command line shows for a FILE.
struct FileReadError: Error, Equatable, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { reason }
    var message: String { "cannot read \(path): \(reason)" }
}

/// Reads scripts as UTF-8 text. Invalid UTF-8 is decoded with replacement characters rather than
/// refused, so that whatever a user points kvrepl at gives a script error, never a crash.
///
/// A script is at most `maxBytes` (1 GiB). A regular file is read whole, and one larger than that
/// is refused before any of it is read; so is a file that is neither a regular file nor a stream
/// (a directory, a device such as `/dev/zero`). A stream (a pipe, as `<(…)` gives, a FIFO, a
/// socket; and standard input, whatever it is) is read as it comes, and reading stops with an
/// error once it passes the same cap: `cat /dev/zero | kvrepl` ends instead of filling memory.
enum TextFileReader {
    /// The most bytes kvrepl reads of one script (a FILE, an included file or standard input).
    static let maxBytes = 1 << 30

    /// The file at `path`, of at most `limit` bytes (tests lower it).
    static func read(path: String, limit: Int = maxBytes) throws(FileReadError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileReadError(path: path, reason: systemErrorText(errno)) }
        defer { close(fd) }
        return try read(fd, named: path, limit: limit, anyKind: false)
    }

    /// All of standard input, decoded the same way.
    static func readStandardInput(limit: Int = maxBytes) throws(FileReadError) -> String {
        try read(0, named: "<stdin>", limit: limit, anyKind: true)
    }

    /// All of `fd` (shown as `name` in errors), of at most `limit` bytes. `anyKind`: read whatever
    /// it is as a stream (standard input: `kvrepl < /dev/null` runs an empty script); otherwise only
    /// a regular file or a stream is read.
    static func read(_ fd: Int32, named name: String, limit: Int, anyKind: Bool) throws(FileReadError) -> String {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileReadError(path: name, reason: systemErrorText(errno)) }
        var size = 0
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard info.st_size <= limit else { throw FileReadError(path: name, reason: tooLarge(limit)) }
            size = Int(info.st_size)
        case S_IFIFO, S_IFSOCK:
            break
        case S_IFDIR where !anyKind:
            throw FileReadError(path: name, reason: systemErrorText(EISDIR))
        case let kind where !anyKind:
            throw FileReadError(path: name, reason: "not a regular file or a pipe" + (describe(kind).map { " (\($0))" } ?? ""))
        default:
            break
        }
        do throws(ReadFailure) {
            return decode(try readAll(fd, expecting: size, limit: limit))
        } catch {
            switch error {
            case .tooLarge: throw FileReadError(path: name, reason: tooLarge(limit))
            case .system(let code): throw FileReadError(path: name, reason: systemErrorText(code))
            }
        }
    }

    static func decode(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// "larger than 1 GiB, the most kvrepl reads of a script".
    static func tooLarge(_ limit: Int) -> String {
        let size = limit >= 1 << 30 && limit % (1 << 30) == 0 ? "\(limit >> 30) GiB" : "\(limit) bytes"
        return "larger than \(size), the most kvrepl reads of a script"
    }

    private static func describe(_ kind: mode_t) -> String? {
        switch kind {
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: nil
        }
    }

    private enum ReadFailure: Error {
        case system(Int32)
        case tooLarge
    }

    /// Reads `fd` to its end: `size` bytes are expected (a regular file's size), but it may end
    /// sooner or go on; more than `limit` is refused, having read one byte past it at most.
    private static func readAll(_ fd: Int32, expecting size: Int, limit: Int) throws(ReadFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let room = limit - bytes.count + 1
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, min($0.count, room)) }
            if n > 0 {
                guard bytes.count + n <= limit else { throw .tooLarge }
                if bytes.count + n > bytes.capacity {
                    // Grow as `append` would (doubling), but never past the limit.
                    bytes.reserveCapacity(min(limit, max(bytes.count + n, 2 * bytes.capacity)))
                }
                bytes.append(contentsOf: chunk[0..<n])
            } else if n == 0 {
                return bytes
            } else if errno != EINTR {
                throw .system(errno)
            }
        }
    }
}

private func systemRead(_ fd: Int32, _ pointer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, pointer, count)
    #else
    return Darwin.read(fd, pointer, count)
    #endif
}
