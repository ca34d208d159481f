import Foundation
import Testing

/// `kvrepl shrink` as a user runs it: exit statuses, `-o`, the reproduce line, `--seeds … --shrink`,
/// and a script file named `shrink`.
@Suite struct ShrinkEndToEndTests {
    static let failing = """
        add n1 n2 n3
        put pad a=1
        isolate n3
        put pad b=2
        advance 8s
        expect n1 sees n3 up
        heal
        put pad c=3

        """

    @Test func writesTheShrunkScriptToOUTAndItFailsTheSameWay() throws {
        let directory = try scratchDirectory(files: ["f.kvs": Self.failing])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runKvrepl(args: ["shrink", "f.kvs", "-o", "out.kvs"], currentDirectory: directory.path)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.isEmpty)
        #expect(result.err.hasPrefix("kvrepl shrink: f.kvs on seed 1: keeping `expect n1 sees n3 up fails`; shrinking from 8 commands\n"))
        #expect(result.err.hasSuffix("reproduce with: kvrepl --seed 1 out.kvs\n"))
        let written = try String(contentsOf: directory.appendingPathComponent("out.kvs"), encoding: .utf8)
        #expect(written == """
            # shrunk by kvrepl from f.kvs on seed 1
            # failure kept: expect n1 sees n2 up fails (in the original: expect n1 sees n3 up fails)
            # 4 commands, from 8 commands
            add n1 n2
            isolate n2
            advance 8s
            expect n1 sees n2 up

            """)
        let replay = try runKvrepl(args: ["--seed", "1", "out.kvs"], currentDirectory: directory.path)
        #expect(replay.status == 1)
        #expect(replay.out.contains("FAIL out.kvs:7 expect n1 sees n2 up\n"))
    }

    @Test func aScriptThatPassesOrErrsIsRefusedWithStatus2() throws {
        let directory = try scratchDirectory(files: ["ok.kvs": "add n1 n2 n3\nput k a=1\nexpect get k a=1\n",
                                                     "bad.kvs": "add n1\nkill n7\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let passes = try runKvrepl(args: ["shrink", "ok.kvs"], currentDirectory: directory.path)
        #expect(passes.status == 2)
        #expect(passes.out.isEmpty)
        #expect(passes.err == "kvrepl shrink: ok.kvs does not fail on seed 1: nothing to shrink\n")
        let errs = try runKvrepl(args: ["shrink", "bad.kvs"], currentDirectory: directory.path)
        #expect(errs.status == 2)
        #expect(errs.err.hasPrefix("kvrepl shrink: bad.kvs ends in a script error on seed 1; fix it first:\nbad.kvs:2:6: error:"))
        let usage = try runKvrepl(args: ["shrink"], currentDirectory: directory.path)
        #expect(usage.status == 2)
        #expect(usage.err.contains("Missing expected argument '<SCRIPT>'"))
        #expect(usage.err.hasSuffix("(to run a script file named shrink: kvrepl ./shrink)\n"))
    }

    @Test func aScriptFileNamedShrinkStillRunsAsDotSlashShrink() throws {
        let directory = try scratchDirectory(files: ["shrink": "echo a script named shrink\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runKvrepl(args: ["./shrink"], currentDirectory: directory.path)
        #expect(result.status == 0)
        #expect(result.out == "a script named shrink\n0 passed, 0 failed\n")
    }

    @Test func aSweepHandsItsFirstFailureOver() throws {
        let directory = try scratchDirectory(files: ["f.kvs": Self.failing])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runKvrepl(args: ["--seeds", "4..5", "--quiet", "--shrink", "f.kvs"], currentDirectory: directory.path)
        #expect(result.status == 1)
        #expect(result.out.contains("seed 4 failed: reproduce with kvrepl --seed 4 f.kvs\n"))
        #expect(result.out.hasSuffix("0 passed, 2 failed\n# shrunk by kvrepl from f.kvs on seed 4\n"
            + "# failure kept: expect n1 sees n2 up fails (in the original: expect n1 sees n3 up fails)\n# 4 commands, from 8 commands\n"
            + "add n1 n2\nisolate n2\nadvance 8s\nexpect n1 sees n2 up\n"), "\(result.out)")
        #expect(result.err.hasPrefix("kvrepl: --shrink: shrinking seed 4 of f.kvs\n"))
    }
}
