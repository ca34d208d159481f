import Foundation
import Testing

/// Every `examples/*.kvs` runs through the built `kvrepl` and passes; runs are byte-identical per seed.
@Suite struct ExamplesEndToEndTests {
    static let examples = kvsScripts(in: "examples")

    @Test func thereAreExamples() {
        #expect(Self.examples.contains("rebalance.kvs"))
        #expect(Self.examples.contains("seed.kvs"))
        #expect(Self.examples.contains("live-queries.kvs"))
    }

    @Test(arguments: examples)
    func examplePassesOnSeveralSeeds(_ name: String) throws {
        try expectPasses("examples/\(name)", seeds: "1..5")
    }

    @Test func sameScriptAndSeedGiveByteIdenticalOutput() throws {
        let args = ["--trace", "--seed", "42", "examples/live-queries.kvs"]
        let first = try runKvrepl(args: args, currentDirectory: packageRoot().path)
        let second = try runKvrepl(args: args, currentDirectory: packageRoot().path)
        #expect(first.status == 0)
        #expect(first.out == second.out)
        #expect(first.out.count > 10_000)  // the trace is really there
        let other = try runKvrepl(args: ["--trace", "--seed", "43", "examples/live-queries.kvs"],
                                  currentDirectory: packageRoot().path)
        #expect(other.out != first.out)    // and the seed really matters
    }
}

/// What users see when a script fails: exit status, `file:line[:column]`, caret, expected and seen.
@Suite struct FailureReportEndToEndTests {
    @Test func failedExpectationExitsOneAndNamesTheLine() throws {
        let script = "add n1 n2 n3\nput k a=1\nexpect get k a=2\necho after\n"
        let result = try runKvrepl(args: [], stdin: script)
        #expect(result.status == 1)
        #expect(result.out.contains("FAIL <stdin>:3 expect get k a=2\n  expected: a=2\n  seen:     a=1\n"))
        #expect(result.out.contains("after\n"))
        #expect(result.out.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test func scriptErrorExitsTwoWithCaretAndSuggestion() throws {
        let script = "add n1 n2 n3\nexpcet converged\n"
        let result = try runKvrepl(args: [], stdin: script)
        #expect(result.status == 2)
        #expect(result.err.contains("<stdin>:2:1: error:"))
        #expect(result.err.contains("    expcet converged\n    ^~~~~~\n"))
        #expect(result.err.contains("did you mean `expect`?"))
        #expect(result.out.hasSuffix("0 passed, 0 failed, 1 errors\n"), "\(result.out)")
    }

    /// A sweep whose seeds hit a script error says so on each seed's line and in the summary,
    /// which counts the runs that ended in one beside the expectations (exit status 2).
    @Test func aSweepCountsScriptErrorsInItsSummary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kvrepl-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "add n1 n2 n3\nexpect n1 sees n2 up\nkill n1\nkill n1\n".write(to: dir.appendingPathComponent("e.kvs"),
                                                                              atomically: true, encoding: .utf8)
        let result = try runKvrepl(args: ["--quiet", "--seeds", "1..3", "e.kvs"], currentDirectory: dir.path)
        #expect(result.status == 2)
        #expect(result.out.contains("seed 2 failed (script error): reproduce with kvrepl --seed 2 e.kvs\n"), "\(result.out)")
        #expect(result.out.hasSuffix("3 passed, 0 failed, 3 errors\n"), "\(result.out)")
    }

    @Test func stateErrorStopsTheScriptAtItsLine() throws {
        let script = "add n1 n2 n3\nkill n2\nkill n2\necho never\n"
        let result = try runKvrepl(args: [], stdin: script)
        #expect(result.status == 2)
        #expect(result.err.contains("<stdin>:3:6: error:"))
        #expect(!result.out.contains("never"))
    }

    @Test func unknownNodeIsCaughtBeforeAnythingRuns() throws {
        let script = "echo first\nadd n1 n2\nkill n3\n"
        let result = try runKvrepl(args: [], stdin: script)
        #expect(result.status == 2)
        #expect(result.err.contains("<stdin>:3:6: error:"))
        #expect(!result.out.contains("first"))
    }

    @Test func scriptErrorUnderSeedsEndsOnlyThatSeedsRun() throws {
        let script = "add n1 n2 n3\nkill n2\nkill n2\n"
        let result = try runKvrepl(args: ["--seeds", "1..3"], stdin: script)
        #expect(result.status == 2)
        #expect(result.err.components(separatedBy: "error:").count == 4)
    }
}

/// A `--seeds` sweep runs on every core and prints exactly what one run per seed prints, in seed
/// order, each run headed by its seed.
@Suite struct SweepEndToEndTests {
    @Test func parallelSweepPrintsWhatSeparateRunsPrint() throws {
        let root = packageRoot().path
        let sweep = try runKvrepl(args: ["--seeds", "1..6", "examples/chaos.kvs"], currentDirectory: root)
        var expected = ""
        var passed = 0
        for seed in 1...6 {
            let single = try runKvrepl(args: ["--seed", "\(seed)", "examples/chaos.kvs"], currentDirectory: root)
            var lines = single.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.removeLast()  // after the final newline
            let summary = lines.removeLast()
            passed += Int(summary.split(separator: " ")[0]) ?? 0
            expected += "== seed \(seed) (examples/chaos.kvs) ==\n"
            expected += lines.map { $0 + "\n" }.joined()
        }
        expected += "\(passed) passed, 0 failed\n"
        #expect(sweep.status == 0)
        #expect(sweep.out == expected)
    }
}

/// The `.kvs` scripts in a folder of the package, by name.
func kvsScripts(in folder: String) -> [String] {
    let directory = packageRoot().appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".kvs") }.sorted()
}

/// The built `kvrepl` runs `path` (relative to the package) over `seeds`: exit 0, something
/// passed, nothing failed.
func expectPasses(_ path: String, seeds: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let result = try runKvrepl(args: ["--quiet", "--seeds", seeds, path], currentDirectory: packageRoot().path)
    #expect(result.status == 0, "\(result.out)\(result.err)", sourceLocation: sourceLocation)
    let summary = result.out.split(separator: "\n").last.map(String.init) ?? ""
    #expect(summary.hasSuffix(" passed, 0 failed"), "\(result.out)", sourceLocation: sourceLocation)
    #expect(!summary.hasPrefix("0 passed"), sourceLocation: sourceLocation)
}
