import Testing
import Cluster
@testable import Lang

/// `$i` in numbers, durations, percentages and seeds (docs/language.md: "wherever a word stands, numbers
/// and durations included"): read as each iteration runs, and a bad value is a located script error.
@Suite struct IterationValueTests {
    /// Runs `script` as `main.kvs`: the session (its cluster and recording) and what it printed.
    func run(_ script: String, record: Bool = false) -> (session: Session, run: ScriptRun) {
        let options = SessionOptions(record: record) { _ in throw FileMissing() }
        var result = ScriptRun(outcome: .finished)
        let session = Session(options: options) { kind, text in
            if kind == .error { result.errors += text } else { result.output += text }
        }
        result.outcome = session.run(source: script, path: "main.kvs")
        result.passed = session.passed
        result.failed = session.failed
        return (session, result)
    }

    @Test func parsedAsWordsToReadLater() throws {
        #expect(try described("repeat 2 {\n  advance $is\n  repeat $i { heal }\n  seed $i\n}")
                == ["repeat 2 { advance $is; repeat $i { heal }; seed $i }"])
        #expect(try described("repeat 2 { wait converged within 1$is }") == ["repeat 2 { wait converged within 1$is }"])
        #expect(try described("repeat 2 { check within $is }") == ["repeat 2 { check within $is }"])
        #expect(try described("repeat 2 { expect stream s count $i }") == ["repeat 2 { expect stream s count $i }"])
        #expect(try described("repeat 2 { config read=$i loss=$i% latency=1ms..$ims }")
                == ["repeat 2 { config read=$i loss=$i% latency=1ms..$ims }"])
        #expect(try described("repeat 2 { chaos $is ops=$i keys=5 streams=$i }")
                == ["repeat 2 { chaos $is ops=$i keys=5 streams=$i }"])
        #expect(try described("repeat 2 {\n  at 1$is {\n    heal\n  }\n}") == ["repeat 2 { at 1$is { heal } }"])
        // Without `$i`, values are read at once, as before.
        #expect(try described("repeat 2 { advance 2s }") == ["repeat 2 { advance 2000000 }"])
    }

    @Test func outsideARepeatItIsStillAnError() {
        let loose = "`$i` is only defined inside a `repeat` block"
        expectError("advance $is", loose, at: 1, 9)
        expectError("repeat $i { heal }", loose, at: 1, 8)
        expectError("config read=$i", loose, at: 1, 8)
        expectError("seed $i", loose, at: 1, 6)
        expectError("repeat 2 { heal }\nexpect stream s count $i", loose, at: 2, 23)
    }

    @Test func advanceReadsItsDurationEachIteration() {
        let (session, result) = run("repeat 3 { advance $is }\n")
        #expect(result.outcome == .finished, "\(result.errors)")
        #expect(session.cluster.now == 6_000_000)
    }

    @Test func expectStreamCountTakesTheIteration() {
        let (_, result) = run("add n1 n2 n3\nstream s k a\nrepeat 3 {\n  put k a=$i\n  expect stream s count $i\n}\n")
        #expect(result.outcome == .finished, "\(result.errors)")
        #expect(result.passed == 3 && result.failed == 0, "\(result.output)")
        #expect(result.output.contains("PASS main.kvs:5 (i=3) expect stream s count 3"), "\(result.output)")
    }

    @Test func anInnerRepeatCountsToTheOuterIteration() {
        let (_, result) = run("repeat 3 {\n  repeat $i { echo x$i }\n}\n")
        #expect(result.outcome == .finished, "\(result.errors)")
        #expect(result.output == "x1\nx1\nx2\nx1\nx2\nx3\n")
    }

    @Test func configValuesOfEveryKind() {
        let (session, result) = run("repeat 3 {\n  config read=$i write=$i vnodes=$i timeout=$is latency=$ims..1$ims loss=$i.5%\n}\n")
        #expect(result.outcome == .finished, "\(result.errors)")
        let settings = session.cluster.settings
        #expect(settings.read == 3 && settings.write == 3 && settings.vnodes == 3)
        #expect(settings.timeout == 3_000_000)
        #expect(settings.latencyMin == 3_000 && settings.latencyMax == 13_000)
        #expect(settings.lossPPM == 35_000)
    }

    @Test func seedAndDurationsRecordAsTheyRan() {
        let (session, result) = run("add n1\nrepeat 2 {\n  seed $i\n  advance $i00ms\n}\n", record: true)
        #expect(result.outcome == .finished, "\(result.errors)")
        #expect(session.recording.contains("seed 1\nadvance 100ms\nseed 2\nadvance 200ms\n"), "\(session.recording)")
    }

    @Test func waitCheckAndAtTakeIteratedDurations() {
        let script = "add n1 n2 n3\nrepeat 2 {\n  wait converged within 1$is\n  at 2$is { heal }\n}\n"
            + "repeat 1 { check within $i0s }\nadvance 30s\n"
        let (_, result) = run(script)
        #expect(result.outcome == .finished, "\(result.errors)")
        for line in ["wait converged within 11s", "wait converged within 12s", "[21s] heal", "[22s] heal",
                     "check within 10s"] {
            #expect(result.output.contains(line), "\(line) in \(result.output)")
        }
    }

    @Test func chaosOptionsTakeTheIteration() {
        let (session, result) = run("add n1 n2 n3\nrepeat 1 { chaos $i0s ops=$i0 keys=$i streams=$i }\n"
                                    + "expect stream chaos-s1 empty\n")
        #expect(result.outcome == .finished, "\(result.errors)")
        #expect(result.output.contains("chaos 10s: 10 operations ("), "\(result.output)")
        #expect(result.output.contains(", 1 streams;"), "\(result.output)")
        #expect(session.cluster.openStreams == ["chaos-s1"])
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        var script: String
        /// `line:column` of the error.
        var at: String
        /// How its message starts, and the iteration it names.
        var says: String
        var iteration: Int
        var testDescription: String { script.replacingAll("\n", with: " | ") }
    }

    static let bad: [Bad] = [
        Bad(script: "repeat 2 { advance $ix }", at: "2:20", says: "bad value `1x`: expected a duration such as 250ms",
            iteration: 1),
        Bad(script: "repeat 1 { advance \"$i s\" }", at: "2:20", says: "bad value `\"1 s\"`: expected a duration",
            iteration: 1),
        Bad(script: "repeat 4 { config read=$i }", at: "2:24",
            says: "bad value: read must be from 1 to replicas (3); nothing of this line was applied", iteration: 4),
        Bad(script: "repeat 2 { config loss=10$i% }", at: "2:24",
            says: "bad value `101%` for `loss`: expected a percentage from 0% to 100%", iteration: 1),
        Bad(script: "repeat 2 { config latency=$ims..1ms }", at: "2:27",
            says: "bad value `2ms..1ms` for `latency`: expected a duration (a fixed delay) or a range", iteration: 2),
        Bad(script: "stream s k a\nrepeat 2 { expect stream s count $i000000000 }", at: "3:34",
            says: "bad value `2000000000`: expected a count, a whole number from 0 to 1000000000", iteration: 2),
        Bad(script: "repeat 1 { repeat $i.5 { heal } }", at: "2:19", says: "bad value `1.5`: expected a count",
            iteration: 1),
        Bad(script: "repeat 1 { seed -$i }", at: "2:17", says: "bad value `-1`: expected a seed", iteration: 1),
        Bad(script: "repeat 1 { wait converged within $i0x }", at: "2:34", says: "bad value `10x`: expected a duration",
            iteration: 1),
        Bad(script: "repeat 1 { check within $i.0000001s }", at: "2:25",
            says: "bad value `1.0000001s`: expected a duration", iteration: 1),
        Bad(script: "repeat 1 { at $ixs { heal } }", at: "2:15", says: "bad value `1xs`: expected a duration",
            iteration: 1),
        Bad(script: "repeat 1 { chaos 1s ops=$ix }", at: "2:25", says: "bad value `1x` for `ops`: expected a count",
            iteration: 1),
        Bad(script: "repeat 1 { chaos $ih0m }", at: "2:18", says: "bad value `1h0m`: expected a duration", iteration: 1),
        // An `at` block's values are read when it is scheduled: nothing of it runs.
        Bad(script: "repeat 2 {\n  at 1s {\n    config loss=$i%%\n  }\n}\nadvance 2s", at: "4:17",
            says: "bad value `1%%` for `loss`: expected a percentage", iteration: 1),
    ]

    @Test(arguments: bad)
    func aBadValueAfterExpansionIsAScriptErrorAtItsWord(_ c: Bad) {
        let (_, result) = run("add n1 n2 n3\n" + c.script + "\necho never\n")
        #expect(result.outcome == .scriptError)
        #expect(result.errors.hasPrefix("main.kvs:\(c.at): error: \(c.says)"), "\(result.errors)")
        #expect(result.errors.contains("(`$i` is \(c.iteration) here)\n"), "\(result.errors)")
        #expect(!result.output.contains("never") && !result.output.contains("config"), "\(result.output)")
    }

    /// The name check lets `chaos … streams=$i` open any campaign stream; which it opens is known as
    /// it runs: those after the highest `chaos-sN` used so far.
    @Test func chaosStreamsHoldingTheIterationAreNumberedAsTheyRun() {
        let (session, result) = run("add n1 n2 n3\nstream chaos-s1 k a\nrepeat 2 { chaos 1s streams=$i }\n"
                                    + "expect stream chaos-s4 empty\n")
        #expect(result.outcome == .finished, "\(result.errors)")
        #expect(session.cluster.openStreams == ["chaos-s1", "chaos-s2", "chaos-s3", "chaos-s4"])
        #expect(result.passed + result.failed == 1)
    }
}
