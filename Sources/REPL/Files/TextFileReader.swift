#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read, in words for a message (`No such file or directory`).
struct FileReadError: Error, Equatable, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot read \(path): \(reason)" }
}

/// Reads scripts as UTF-8 text. Invalid UTF-8 is decoded with replacement characters rather than
/// refused, so that whatever a user points kvrepl at gives a script error, never a crash.
enum TextFileReader {
    static func read(path: String) throws(FileReadError) -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileReadError(path: path, reason: systemErrorText(errno)) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw FileReadError(path: path, reason: systemErrorText(EISDIR))
        }
        do {
            return decode(try readAll(fd))
        } catch {
            throw FileReadError(path: path, reason: systemErrorText(error.code))
        }
    }

    /// All of standard input, decoded the same way.
    static func readStandardInput() throws(FileReadError) -> String {
        do {
            return decode(try readAll(0))
        } catch {
            throw FileReadError(path: "<stdin>", reason: systemErrorText(error.code))
        }
    }

    static func decode(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private struct ReadFailure: Error { var code: Int32 }

    private static func readAll(_ fd: Int32) throws(ReadFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                bytes.append(contentsOf: chunk[0..<n])
            } else if n == 0 {
                return bytes
            } else if errno != EINTR {
                throw ReadFailure(code: errno)
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
