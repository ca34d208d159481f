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
