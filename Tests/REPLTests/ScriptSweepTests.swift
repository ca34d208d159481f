import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import Lang
import Testing
@testable import REPL

@Suite struct ScriptSweepTests {
    @Test func reproduceLineNamesSeedAndFile() {
        let source = ScriptSource(path: "path/to/file.kvs", text: "")
        #expect(ScriptSweep.reproduceLine(source: source, seed: 7)
                == "seed 7 failed: reproduce with kvrepl --seed 7 path/to/file.kvs\n")
    }

    @Test func reproduceLineQuotesAPathTheShellWouldSplit() {
        let source = ScriptSource(path: "my dir/it's.kvs", text: "")
        #expect(ScriptSweep.reproduceLine(source: source, seed: 3)
                == "seed 3 failed: reproduce with kvrepl --seed 3 'my dir/it'\\''s.kvs'\n")
    }

    @Test func reproduceLineForStandardInput() {
        let source = ScriptSource(path: "<stdin>", text: "", isStandardInput: true)
        #expect(ScriptSweep.reproduceLine(source: source, seed: 9).hasPrefix("seed 9 failed: reproduce with kvrepl --seed 9 <"))
    }

    @Test func reproduceLineSaysAScriptError() {
        let source = ScriptSource(path: "f.kvs", text: "")
        #expect(ScriptSweep.reproduceLine(source: source, seed: 4, scriptError: true)
                == "seed 4 failed (script error): reproduce with kvrepl --seed 4 f.kvs\n")
    }

    /// `N passed, M failed`, and `, E errors` only when runs ended in a script error; a
    /// `--record` file that cannot be written makes the status 2 without counting as a run's error.
    @Test func summaryCountsRunsThatEndedInAScriptError() {
        var totals = ScriptSweep.Totals()
        totals.add(RunResult(passed: 3, failed: 1, outcome: .finished))
        #expect(totals.summary == "3 passed, 1 failed")
        totals.add(RunResult(passed: 1, failed: 0, outcome: .scriptError))
        #expect(totals.summary == "4 passed, 1 failed, 1 errors")
        totals.add(RunResult(passed: 0, failed: 0, outcome: .scriptError))
        #expect(totals.summary == "4 passed, 1 failed, 2 errors" && totals.exitStatus == 2)
        var recordFailed = ScriptSweep.Totals()
        recordFailed.add(RunResult(passed: 1, failed: 0, outcome: .finished))
        recordFailed.usageError = true
        #expect(recordFailed.summary == "1 passed, 0 failed" && recordFailed.exitStatus == 2)
    }

    @Test func exitStatusOfTotals() {
        var totals = ScriptSweep.Totals()
        #expect(totals.exitStatus == 0)
        totals.add(RunResult(passed: 3, failed: 0, outcome: .finished))
        #expect(totals.exitStatus == 0)
        totals.add(RunResult(passed: 0, failed: 1, outcome: .finished))
        #expect(totals.exitStatus == 1)
        totals.add(RunResult(passed: 0, failed: 0, outcome: .scriptError))
        #expect(totals.exitStatus == 2)
        totals.add(RunResult(passed: 1, failed: 0, outcome: .finished))
        #expect(totals.exitStatus == 2)
        #expect(totals.passed == 4 && totals.failed == 1)
    }

    @Test func runFailureCoversFailedExpectationsAndScriptErrors() {
        #expect(!RunResult(passed: 2, failed: 0, outcome: .finished).isFailure)
        #expect(!RunResult(passed: 2, failed: 0, outcome: .quit).isFailure)
        #expect(RunResult(passed: 2, failed: 1, outcome: .finished).isFailure)
        #expect(RunResult(passed: 0, failed: 0, outcome: .scriptError).isFailure)
    }

    @Test func shellQuotingLeavesPlainPathsBare() {
        #expect(ShellQuoting.quote("examples/a-b_c.kvs") == "examples/a-b_c.kvs")
        #expect(ShellQuoting.quote("") == "''")
        #expect(ShellQuoting.quote("a;b") == "'a;b'")
    }

    @Test func capturedOutputKeepsOrderAndKinds() {
        let captured = CapturedOutput()
        captured.append(.normal, "a\n")
        captured.append(.error, "b\n")
        captured.append(.failed, "c\n")
        #expect(captured.lines.map(\.text) == ["a\n", "b\n", "c\n"])
        #expect(captured.lines.map(\.kind) == [.normal, .error, .failed])
    }
}

/// Ctrl-C during a script run (the flag is injected: a real SIGINT is in the end-to-end tests).
@Suite struct ScriptSweepInterruptTests {
    /// Runs a sweep of `seeds` over a one-expectation script, with `interrupt` polled by every run;
    /// returns (stdout, stderr, exit status).
    func sweep(seeds: ClosedRange<UInt64>, interrupt: @escaping @Sendable () -> Bool) throws -> (String, String, Int32) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-err-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        let outFD = open(out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600), errFD = open(err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let output = TerminalOutput(out: FileDescriptorWriter(fd: outFD), err: FileDescriptorWriter(fd: errFD), environment: [:])
        let source = ScriptSource(path: "s.kvs", text: "add n1 n2 n3\nput k a=1\nexpect get k a=1\n")
        let status = ScriptSweep(sources: [source], seeds: .sweep(seeds),
                                 settings: RunSettings(quiet: true, interruptRequested: interrupt)).run(output: output)
        close(outFD)
        close(errFD)
        return (try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8), status)
    }

    @Test func anInterruptBeforeAnyRunRunsNothing() throws {
        let (out, err, status) = try sweep(seeds: 1...1_000) { true }
        #expect(status == 130)
        #expect(err == "kvrepl: interrupted: 0 of 1000 runs finished; the summary counts what was printed\n")
        #expect(out == "0 passed, 0 failed\n")
    }

    /// An interrupt part way through the first batch: the runs that finished are counted (one
    /// expectation each), those stopped or never started are not, and no later batch starts.
    @Test func anInterruptPartWayCountsTheRunsThatFinished() throws {
        let polls = Mutex(0)
        let (out, err, status) = try sweep(seeds: 1...1_000) { polls.withLock { $0 += 1; return $0 > 400 } }
        #expect(status == 130)
        let finished = try #require(err.split(separator: " ").dropFirst(2).first.flatMap { Int($0) })
        #expect(finished > 0 && finished < Int(ScriptSweep.batch))
        #expect(err == "kvrepl: interrupted: \(finished) of 1000 runs finished; the summary counts what was printed\n")
        #expect(out == "\(finished) passed, 0 failed\n")
    }

    @Test func totalsOfAnInterruptedSweep() {
        var totals = ScriptSweep.Totals()
        totals.add(RunResult(passed: 0, failed: 1, outcome: .finished))
        totals.add(RunResult(passed: 0, failed: 0, outcome: .scriptError))
        #expect(totals.exitStatus == 2)
        totals.add(.notStarted)
        #expect(totals.exitStatus == 130 && totals.finished == 2)
        #expect(!RunResult(passed: 1, failed: 2, outcome: .interrupted).isFailure)
    }

    @Test func runCountOfAnEndlessRangeIsNotGiven() {
        let source = ScriptSource(path: "s.kvs", text: "")
        #expect(ScriptSweep(sources: [source, source], seeds: .sweep(5...9), settings: RunSettings()).runCount == 10)
        #expect(ScriptSweep(sources: [source], seeds: .sweep(0...UInt64.max), settings: RunSettings()).runCount == nil)
        #expect(ScriptSweep(sources: [source], seeds: .single(3), settings: RunSettings()).runCount == 1)
    }
}
