import Foundation
import Testing

/// The command line of the real executable: options, usage errors and exit statuses.
@Suite struct CommandLineEndToEndTests {
    @Test func helpExitsZeroAndListsOptions() throws {
        let result = try runKvrepl(args: ["--help"])
        #expect(result.status == 0)
        for option in ["--seed", "--seeds", "--trace", "--quiet", "--record", "--junit", "--json", "--shard", "--fail-fast",
                       "--jobs", "--echo", "--help", "--version", "FILE"] {
            #expect(result.out.contains(option), "\(option) missing from --help")
        }
        #expect(result.err.isEmpty)
    }

    @Test func version() throws {
        let result = try runKvrepl(args: ["--version"])
        #expect(result.status == 0)
        #expect(result.out == "kvrepl 0.1.0\n")
    }

    @Test func unknownFlagIsAUsageErrorWithStatus2() throws {
        let result = try runKvrepl(args: ["--frobnicate"])
        #expect(result.status == 2)
        #expect(result.err.contains("--frobnicate"))
        #expect(result.out.isEmpty)
    }

    @Test func badSeedValueIsAUsageError() throws {
        let result = try runKvrepl(args: ["--seed", "lots"])
        #expect(result.status == 2)
        #expect(result.err.contains("lots"))
    }

    @Test func unreadableFileIsNamedWithStatus2() throws {
        let result = try runKvrepl(args: ["/no/such/dir/missing.kvs"])
        #expect(result.status == 2)
        #expect(result.err.contains("/no/such/dir/missing.kvs"))
        #expect(!result.out.contains("passed"))
    }

    @Test func reversedSeedRangeIsAUsageError() throws {
        let result = try runKvrepl(args: ["--seeds", "5..3"])
        #expect(result.status == 2)
        #expect(result.err.contains("5..3"))
    }

    @Test func seedAndSeedsTogetherIsAUsageError() throws {
        let result = try runKvrepl(args: ["--seed", "3", "--seeds", "1..2"])
        #expect(result.status == 2)
        #expect(result.err.contains("--seed"))
    }

    @Test func recordNeedsOneRun() throws {
        let result = try runKvrepl(args: ["--record", "out.kvs", "--seeds", "1..2"], stdin: "")
        #expect(result.status == 2)
        #expect(result.err.contains("--record writes one run"))
    }

    @Test func emptyScriptFromStdin() throws {
        let result = try runKvrepl(args: [], stdin: "")
        #expect(result.status == 0)
        #expect(result.out == "0 passed, 0 failed\n")
        #expect(result.err.isEmpty)
    }

    @Test func emptyScriptFileSweptOverSeeds() throws {
        let directory = try scratchDirectory(files: ["empty.kvs": ""])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runKvrepl(args: [directory.appendingPathComponent("empty.kvs").path, "--seeds", "1..3"])
        #expect(result.status == 0)
        #expect(result.out == "0 passed, 0 failed\n")
    }

    @Test func invalidUTF8ScriptDoesNotCrash() throws {
        let directory = try scratchDirectory(files: [:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.kvs")
        try Data([0x23, 0xFF, 0xFE, 0x0A]).write(to: path)
        let result = try runKvrepl(args: [path.path])
        #expect([0, 1, 2].contains(result.status))
        #expect(result.out.hasSuffix(" failed\n"))
    }

    @Test func noColourInPipesEvenWithoutNoColor() throws {
        let result = try runKvrepl(args: ["--bogus"], environment: ["NO_COLOR": nil])
        #expect(!result.err.contains("\u{1B}["))
    }

    @Test func stdinIsSweptOverSeedsToo() throws {
        let result = try runKvrepl(args: ["--seeds", "1..3", "--quiet", "--trace"], stdin: "# nothing\n")
        #expect(result.status == 0)
        #expect(result.out.hasSuffix("0 passed, 0 failed\n"))
    }

    @Test func severalFilesEndWithOneSummary() throws {
        let directory = try scratchDirectory(files: ["a.kvs": "# a\n", "b.kvs": "# b\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runKvrepl(args: ["a.kvs", "b.kvs", "--seed", "42"], currentDirectory: directory.path)
        #expect(result.status == 0)
        #expect(result.out.components(separatedBy: " passed, ").count == 2)
        #expect(result.out.hasSuffix("0 passed, 0 failed\n"))
    }

    /// Each FILE runs on a fresh cluster: the second may add the nodes the first added.
    @Test func eachFileRunsOnAFreshCluster() throws {
        let script = "add n1 n2\nput k a=1\nexpect get k a=1 only\nstream s k a\n"
        let directory = try scratchDirectory(files: ["a.kvs": script, "b.kvs": script])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runKvrepl(args: ["a.kvs", "b.kvs"], currentDirectory: directory.path)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.isEmpty)
        #expect(result.out.hasSuffix("2 passed, 0 failed\n"))
    }

    /// `--trace` prints every message (send, deliver and drop); `--quiet` prints none of it.
    @Test func traceShowsSendDeliverAndDrop() throws {
        let script = "add n1 n2\nput k a=1\nconfig loss=100%\nexpect fail put k a=2\n"
        let traced = try runKvrepl(args: ["--trace"], stdin: script)
        #expect(traced.status == 0, "\(traced.err)")
        #expect(traced.out.contains(" send client→n1 put k\n"), "\(traced.out)")
        #expect(traced.out.contains(" deliver client→n1 put k\n"), "\(traced.out)")
        #expect(traced.out.contains(" drop client→n1 put k (lost)\n"), "\(traced.out)")
        let plain = try runKvrepl(args: [], stdin: script)
        #expect(!plain.out.contains("client→"))
        let quiet = try runKvrepl(args: ["--trace", "--quiet"], stdin: script)
        #expect(quiet.out == "1 passed, 0 failed\n")
    }

    @Test func oneUnreadableFileAmongSeveralRunsNothing() throws {
        let directory = try scratchDirectory(files: ["a.kvs": "# a\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runKvrepl(args: ["a.kvs", "gone.kvs"], currentDirectory: directory.path)
        #expect(result.status == 2)
        #expect(result.err.contains("gone.kvs"))
        #expect(result.out.isEmpty)
    }

    @Test func harnessFindsThePackage() {
        #expect(FileManager.default.fileExists(atPath: packageRoot().appendingPathComponent("Package.swift").path))
    }
}

/// Ctrl-C (SIGINT) during a script run: the runs stop, what finished is printed and counted, and
/// kvrepl exits 130.
@Suite struct InterruptEndToEndTests {
    struct NeverPrinted: Error {}

    /// Sends SIGINT once `text` is printed: the run (and its SIGINT handler) has started by then.
    func interrupt(when text: String) -> (Process, () -> String) throws -> Void {
        { process, printed in
            var waited = 0
            while !printed().contains(text) {
                guard waited < 120_000, process.isRunning else { throw NeverPrinted() }
                usleep(10_000)
                waited += 10
            }
            kill(process.processIdentifier, SIGINT)
        }
    }

    @Test func ctrlCStopsASweepAndCountsWhatFinished() throws {
        let directory = try scratchDirectory(files: ["s.kvs": "add n1 n2 n3\nput k a=1\nexpect get k a=1\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runKvrepl(args: ["--seeds", "1..100000000", directory.appendingPathComponent("s.kvs").path],
                                   during: interrupt(when: "PASS"))
        #expect(result.status == 130)
        let passes = result.out.split(separator: "\n").filter { $0.hasPrefix("PASS ") }.count
        #expect(passes > 0)
        #expect(result.out.hasSuffix("\n\(passes) passed, 0 failed\n"))
        #expect(result.err.hasSuffix("kvrepl: interrupted: \(passes) of 100000000 runs finished; the summary counts what was printed\n"))
    }

    @Test func ctrlCStopsASingleRunWhereItIs() throws {
        let directory = try scratchDirectory(files: ["s.kvs": "add n1 n2 n3\necho started\nadvance 1000h\necho ended\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runKvrepl(args: [directory.appendingPathComponent("s.kvs").path], during: interrupt(when: "started"))
        #expect(result.status == 130)
        #expect(!result.out.contains("ended"))
        #expect(result.out.hasSuffix("0 passed, 0 failed\n"))
        #expect(result.err.contains("s.kvs:3:1: error: interrupted"))  // "at TIME" once the advance has begun
    }
}
