import Foundation
import Testing
@testable import REPL

@Suite struct FilesTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "kvrepl-test-\(UUID().uuidString).kvs"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func readsUTF8() throws {
        let path = try temporaryFile(Array("put Zoë a=\"é\"\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try TextFileReader.read(path: path) == "put Zoë a=\"é\"\n")
    }

    @Test func invalidUTF8IsReplacedNotRefused() throws {
        let path = try temporaryFile([0x61, 0xFF, 0xFE, 0x62, 0x0A])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try TextFileReader.read(path: path) == "a\u{FFFD}\u{FFFD}b\n")
    }

    @Test func missingFileNamesItself() {
        #expect(throws: FileReadError(path: "/no/such/file.kvs", reason: "No such file or directory")) {
            try TextFileReader.read(path: "/no/such/file.kvs")
        }
    }

    /// Checking a --record path neither truncates a file that is there nor leaves one that was not.
    @Test func writableCheckChangesNothing() throws {
        let existing = try temporaryFile(Array("keep me\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: existing) }
        try TextFileWriter.checkWritable(existing)
        #expect(try TextFileReader.read(path: existing) == "keep me\n")
        let absent = NSTemporaryDirectory() + "kvrepl-test-\(UUID().uuidString).kvs"
        try TextFileWriter.checkWritable(absent)
        #expect(!FileManager.default.fileExists(atPath: absent))
        #expect(throws: FileWriteError(reason: "Is a directory")) { try TextFileWriter.checkWritable("/") }
    }

    @Test func directoryIsUnreadable() {
        #expect(throws: FileReadError(path: "/", reason: "Is a directory")) {
            try TextFileReader.read(path: "/")
        }
    }

    /// An include's error puts "cannot read `x`: " before the description, the command line before
    /// the path and reason: each says the reason once.
    @Test func theMessageSaysItsReasonOnce() {
        let error = FileReadError(path: "/tmp", reason: "Is a directory")
        #expect("\(error)" == "Is a directory")
        #expect(error.message == "cannot read /tmp: Is a directory")
        #expect(TextFileReader.tooLarge(TextFileReader.maxBytes) == "larger than 1 GiB, the most kvrepl reads of a script")
    }

    /// A device is refused before any of it is read: `/dev/zero` would never end.
    @Test func deviceIsRefused() {
        #expect(throws: FileReadError(path: "/dev/zero", reason: "not a regular file or a pipe (a character device)")) {
            try TextFileReader.read(path: "/dev/zero")
        }
    }

    @Test func regularFileOverTheCapIsRefused() throws {
        let path = try temporaryFile([UInt8](repeating: UInt8(ascii: "#"), count: 2000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: FileReadError(path: path, reason: "larger than 1999 bytes, the most kvrepl reads of a script")) {
            try TextFileReader.read(path: path, limit: 1999)
        }
        #expect(try TextFileReader.read(path: path, limit: 2000).utf8.count == 2000)
    }

    /// A FIFO is read as a stream, as it comes (a writer opens it once the reader has).
    @Test func fifoIsReadAsAStream() throws {
        let path = NSTemporaryDirectory() + "kvrepl-fifo-\(UUID().uuidString)"
        #expect(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        Thread.detachNewThread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(Data("echo from a fifo\n".utf8))
            try? handle.close()
        }
        #expect(try TextFileReader.read(path: path) == "echo from a fifo\n")
    }

    /// A stream (as standard input is read) stops with an error once it passes the cap.
    @Test func streamOverTheCapStopsReading() throws {
        for (length, limit) in [(3000, 1000), (3000, 3000)] {
            var fds: [Int32] = [0, 0]
            #expect(pipe(&fds) == 0)
            defer { close(fds[0]) }
            let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: length)
            #expect(bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) } == length)
            close(fds[1])
            if length > limit {
                #expect(throws: FileReadError(path: "<stdin>", reason: "larger than \(limit) bytes, the most kvrepl reads of a script")) {
                    try TextFileReader.read(fds[0], named: "<stdin>", limit: limit, anyKind: true)
                }
            } else {
                #expect(try TextFileReader.read(fds[0], named: "<stdin>", limit: limit, anyKind: true).utf8.count == length)
            }
        }
    }

    /// Standard input is read whatever it is: `kvrepl < /dev/null` runs an empty script.
    @Test func standardInputMayBeADevice() throws {
        let fd = open("/dev/null", O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(try TextFileReader.read(fd, named: "<stdin>", limit: 1000, anyKind: true) == "")
    }

    @Test func historyPathPrefersXDGStateHome() {
        #expect(HistoryFile.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/kvrepl/history")
        #expect(HistoryFile.path(environment: ["XDG_STATE_HOME": "", "HOME": "/h"]) == "/h/.kvrepl_history")
        #expect(HistoryFile.path(environment: ["HOME": "/h"]) == "/h/.kvrepl_history")
        #expect(HistoryFile.path(environment: [:]) == nil)
    }

    @Test func historyDirectoryIsCreated() throws {
        let root = NSTemporaryDirectory() + "kvrepl-state-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = try #require(HistoryFile.path(environment: ["XDG_STATE_HOME": root]))
        #expect(HistoryFile.prepareDirectory(for: path))
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: root + "/kvrepl", isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
    }
}
