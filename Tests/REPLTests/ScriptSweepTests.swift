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
