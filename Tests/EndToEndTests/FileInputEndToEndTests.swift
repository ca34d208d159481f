import Foundation
import Testing

/// What the real executable reads: a FILE or an include that is a directory or a device is
/// refused before anything runs, its reason said once; a FIFO or a pipe is read as a stream.
@Suite struct FileInputEndToEndTests {
    @Test func aDirectoryAsFILEIsAnErrorSayingItsReasonOnce() throws {
        let directory = try scratchDirectory(files: [:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runKvrepl(args: [directory.path])
        #expect(result.status == 2)
        #expect(result.err == "kvrepl: cannot read \(directory.path): Is a directory\n")
        #expect(result.out.isEmpty)
    }

    /// `kvrepl /dev/zero` would read until memory ran out: it is refused before any of it is read.
    @Test func aDeviceAsFILEIsRefusedBeforeItIsRead() throws {
        let result = try runKvrepl(args: ["/dev/zero"])
        #expect(result.status == 2)
        #expect(result.err == "kvrepl: cannot read /dev/zero: not a regular file or a pipe (a character device)\n")
        #expect(result.out.isEmpty)
    }

    /// An include is refused at its word, before anything of the script runs.
    @Test(arguments: [("/dev/zero", "not a regular file or a pipe (a character device)"), ("/", "Is a directory")])
    func aDeviceOrDirectoryIncludedIsAScriptErrorAtTheInclude(path: String, reason: String) throws {
        let directory = try scratchDirectory(files: ["main.kvs": "echo before\ninclude \(path)\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let main = directory.appendingPathComponent("main.kvs").path
        let result = try runKvrepl(args: [main])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("\(main):2:9: error: cannot read `\(path)`: \(reason)\n"), "\(result.err)")
        #expect(!result.out.contains("before"))
    }

    /// A FIFO made here, written to once kvrepl opens it.
    @Test func aFIFOAsFILEIsReadAsAStream() throws {
        let directory = try scratchDirectory(files: [:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("script.kvs").path
        #expect(mkfifo(fifo, 0o600) == 0)
        Thread.detachNewThread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(Data("echo from a fifo\n".utf8))
            try? handle.close()
        }
        let result = try runKvrepl(args: [fifo])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == "from a fifo\n0 passed, 0 failed\n")
    }

    /// `kvrepl <(cat x.kvs)`: the shell passes a pipe as `/dev/fd/N`.
    @Test func aProcessSubstitutionIsReadAsAStream() throws {
        let bash = try #require(["/bin/bash", "/usr/bin/bash"].first(where: FileManager.default.isExecutableFile),
                                "bash runs CI (.ci/run), so it is there")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bash)
        process.arguments = ["-c", "exec \"$0\" <(printf 'echo substituted\\n')", try kvreplBinary().path]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(out == "substituted\n0 passed, 0 failed\n")
    }
}
