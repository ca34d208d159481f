import Cluster
import Testing
@testable import Lang

@Suite struct InterpreterTests {
    @Test func echoSubstitutesIterations() {
        let run = runScript("repeat 3 { echo user$i \"n $i\" }\n")
        #expect(run.outcome == .finished)
        #expect(run.output == "user1 n 1\nuser2 n 2\nuser3 n 3\n")
    }

    @Test func configPrintsEverySetting() {
        let run = runScript("config\n")
        #expect(run.output == """
            replicas=3
            read=2
            write=2
            vnodes=8
            gossip=1s
            fanout=2
            suspect=5s
            rehash=10s
            antientropy=5s
            renew=5s
            timeout=1s
            latency=1ms..10ms
            loss=0%

            """)
    }

    @Test func configLineIsAppliedTogether() {
        let run = runScript("config replicas=5 read=4 write=4\nconfig latency=5ms loss=0.5%\nconfig\n")
        #expect(run.outcome == .finished)
        #expect(run.output.contains("replicas=5\nread=4\nwrite=4\n"))
        #expect(run.output.contains("latency=5ms\nloss=0.5%\n"))
    }

    @Test func configOutOfRangeIsAnErrorAtTheValueAndNothingApplies() {
        let run = runScript("config vnodes=16 read=4\nconfig\n")
        #expect(run.outcome == .scriptError)
        #expect(run.errors.hasPrefix("main.kvs:1:23: error: bad value: read must be from 1 to replicas (3)"))
        #expect(!run.output.contains("vnodes=16"))
    }

    /// Each range rule of docs/language.md "Settings": a script error at the value, and nothing of the line applied.
    @Test(arguments: [
        ("replicas=0", "replicas must be at least 1"), ("vnodes=0", "vnodes must be at least 1"),
        ("fanout=0", "fanout must be at least 1"), ("read=0", "read must be from 1 to replicas (3)"),
        ("write=0", "write must be from 1 to replicas (3)"), ("write=4", "write must be from 1 to replicas (3)"),
        ("gossip=0s", "gossip must be above 0"), ("suspect=0ms", "suspect must be above 0"),
        ("rehash=0s", "rehash must be above 0"), ("antientropy=0s", "antientropy must be above 0"),
        ("renew=0s", "renew must be above 0"),
        ("timeout=0s", "timeout must be above 0"),
    ])
    func configValueOutOfRange(_ assignment: String, _ rule: String) {
        var out = ""
        var errors = ""
        let session = Session(options: SessionOptions { _ in throw FileMissing() }) { kind, text in
            if kind == .error { errors += text } else { out += text }
        }
        #expect(session.run(source: "config loss=5% \(assignment)\n", path: "main.kvs") == .scriptError)
        let column = "config loss=5% ".count + assignment.prefix { $0 != "=" }.count + 2
        #expect(errors.hasPrefix("main.kvs:1:\(column): error: bad value: \(rule); nothing of this line was applied"),
                "\(errors)")
        #expect(session.run(source: "config\n", path: "again.kvs") == .finished)
        #expect(out.hasPrefix("replicas=3\nread=2\nwrite=2\nvnodes=8\n") && out.hasSuffix("loss=0%\n"), "\(out)")
    }

    @Test func configAtTheEdgesOfItsRanges() {
        let run = runScript("config replicas=1 read=1 write=1 vnodes=1 fanout=1 latency=0ms loss=100%\n"
                            + "config gossip=0.001ms timeout=1000h latency=3ms..3ms\nconfig\n")
        #expect(run.outcome == .finished, "\(run.errors)")
        #expect(run.output.contains("replicas=1\nread=1\nwrite=1\nvnodes=1\ngossip=0.001ms\nfanout=1\n"), "\(run.output)")
        #expect(run.output.contains("timeout=1000h\nlatency=3ms\nloss=100%\n"), "\(run.output)")
    }

    @Test func loweringReplicasBelowReadPointsAtReplicas() {
        let run = runScript("config replicas=1\n")
        #expect(run.outcome == .scriptError)
        #expect(run.errors.hasPrefix("main.kvs:1:17: error: bad value: read must be from 1 to replicas (1)"))
    }

    @Test func includeRunsInPlace() {
        let run = runScript("echo a\ninclude lib/b.kvs\necho c\n", files: ["lib/b.kvs": "echo b\nquit\necho never\n"])
        #expect(run.outcome == .finished)
        #expect(run.output == "a\nb\nc\n")
    }

    @Test func quitEndsTheFile() {
        let run = runScript("echo a\nquit\necho b\n")
        #expect(run.outcome == .finished)
        #expect(run.output == "a\n")
    }

    @Test func chaosNeedsNodes() {
        let run = runScript("chaos 10s\n")
        #expect(run.outcome == .scriptError)
        #expect(run.errors.contains("main.kvs:1:1: error: `chaos` needs nodes"))
    }

    @Test func atInThePastIsAnError() {
        let run = runScript("advance 2s\nat 1s { heal }\n")
        #expect(run.outcome == .scriptError)
        #expect(run.errors.hasPrefix("main.kvs:2:1: error: at 1s: that time has passed (now 2s)"))
    }

    @Test func blocksNotRunAreReported() {
        let run = runScript("at 5s { heal }\nadvance 1s\n")
        #expect(run.outcome == .finished)
        #expect(run.output.contains("at 5s block (main.kvs:1) not run: the script ended at 1s"))
    }

    @Test func atBlockRunsWhenTimePasses() {
        let run = runScript("at 1s { config timeout=2s }\nadvance 2s\nconfig\n")
        #expect(run.outcome == .finished)
        #expect(run.output.contains("[1s] config timeout=2s"))
        #expect(run.output.contains("timeout=2s"))
    }

    /// An isolated node cannot hand its ranges off: after 60s it is dropped, and `remove` says so once.
    @Test func removeThatCannotHandOffSaysSoOnce() {
        let run = runScript("add n1 n2 n3 n4\nrepeat 5 { put k$i a=$i }\nisolate n2\nremove n2\nshow nodes\n")
        #expect(run.outcome == .finished, "\(run.errors)")
        let lines = run.output.split(separator: "\n").filter { $0.contains("remove n2") }
        #expect(lines == ["remove n2: handoff did not finish within 60s; dropped as a killed node would be"])
        #expect(!run.output.contains("  n2 "), "\(run.output)")
    }

    @Test func removeInAnAtBlockThatCannotHandOffSaysSoOnceWithItsTime() {
        let run = runScript("add n1 n2 n3 n4\nrepeat 5 { put k$i a=$i }\nisolate n2\nat 1s { remove n2 }\nadvance 70s\n")
        #expect(run.outcome == .finished, "\(run.errors)")
        let lines = run.output.split(separator: "\n").filter { $0.contains("remove n2:") }
        #expect(lines == ["[61s] remove n2: handoff did not finish within 60s; dropped as a killed node would be"])
    }

    /// The catch-up view follows the `reconnect` line (as a write's view follows the write's outcome),
    /// and sequence numbers go on across it.
    @Test func reconnectPrintsItsOutcomeThenItsCatchUpView() {
        let run = runScript("add n1 n2 n3\nstream s k a\nput k a=1\ndisconnect s\nput k a=2\nreconnect s\n")
        #expect(run.outcome == .finished, "\(run.errors)")
        #expect(run.output.hasSuffix("put k: ok (n1, 2 acks)\nreconnect s: ok\ns #2 k: a=2\n"), "\(run.output)")
    }

    /// A name reopened after `close` starts again at sequence 1 with nothing pending.
    @Test func streamReopenedAfterCloseStartsAgainAtOne() {
        let run = runScript("""
            add n1 n2 n3
            stream s k a
            put k a=1
            put k a=2
            close s
            stream s k a
            expect stream s empty
            put k a=3
            expect stream s next a=3
            """)
        #expect(run.outcome == .finished, "\(run.errors)")
        #expect(run.output.contains("s #1 k: a=3\n"), "\(run.output)")
        #expect((run.passed, run.failed) == (2, 0))
    }

    @Test func traceOnAndOffBracketTheMessageLog() {
        let run = runScript("add n1 n2\nput k a=1\ntrace on\nput k a=2\ntrace off\nput k a=3\n")
        let lines = run.output.split(separator: "\n")
        let traced = lines.filter { $0.contains("client→") || $0.contains("→client") }
        #expect(traced.first?.hasSuffix(" send client→n1 put k") == true, "\(run.output)")
        #expect(traced.last?.hasSuffix(" deliver n1→client reply ok") == true, "\(run.output)")
        // Only the second put is traced: its lines sit between the first put's outcome and its own.
        let firstTrace = lines.firstIndex { $0.contains(" send ") }
        let outcomes = lines.indices.filter { lines[$0].hasPrefix("put k: ok") }
        #expect(outcomes.count == 3)
        #expect(firstTrace.map { $0 > outcomes[0] && $0 < outcomes[1] } == true, "\(run.output)")
        #expect(!lines[outcomes[1]...].dropFirst().contains { $0.contains(" send ") || $0.contains(" deliver ") })
    }

    @Test func quietPrintsOnlyFailuresAndErrors() {
        let run = runScript("echo hidden\nconfig\n", quiet: true)
        #expect(run.output == "")
    }

    @Test func helpForUnknownCommandSuggests() {
        let run = runScript("help expcet\n")
        #expect(run.outcome == .scriptError)
        #expect(run.errors.contains("did you mean `expect`?"))
    }
}

@Suite struct FormattingTests {
    @Test func durationsReadBackInOneUnit() {
        #expect(Durations.text(0) == "0s")
        #expect(Durations.text(250_000) == "250ms")
        #expect(Durations.text(1_250) == "1.25ms")
        #expect(Durations.text(1_500_000) == "1.5s")
        #expect(Durations.text(125_500_000) == "125.5s")
        #expect(Durations.text(120_000_000) == "2m")
        #expect(Durations.text(7_200_000_000) == "2h")
        #expect(Durations.text(7) == "0.007ms")
    }

    @Test func percentages() {
        #expect(Formatting.percent(ppm: 0) == "0%")
        #expect(Formatting.percent(ppm: 5_000) == "0.5%")
        #expect(Formatting.percent(ppm: 1_000_000) == "100%")
    }

    @Test func wordsQuoteWhenNeeded() {
        #expect(Formatting.word("Alice") == "Alice")
        #expect(Formatting.word("a b") == "\"a b\"")
        #expect(Formatting.word("") == "\"\"")
        #expect(Formatting.word("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"")
    }

    /// Empty cells at the end of a row are not padded out: no line ends in a blank.
    @Test func tableRowsEndAtTheirLastNonEmptyCell() {
        let table = Table(title: "t", headers: ["what", "n", "more"],
                          rows: [["a", "1", ""], ["bb", "", "x"], ["c", "", ""]])
        #expect(Formatting.table(table) == "t\n  what  n  more\n  a     1\n  bb       x\n  c\n")
    }

    /// Every `show` table, in a cluster with a killed node, an empty value, a disconnected stream and
    /// counts without a delivered/dropped column (`show stats`), has no line that ends in a blank.
    @Test func noShowLineEndsInABlank() {
        let run = runScript("""
            add n1 n2 n3 n4
            put k a=1 b=""
            stream s k a b
            stream t k a
            disconnect t
            kill n2
            advance 7s
            put k a=2
            show ring
            show nodes
            show key k
            show streams
            show stats
            show convergence

            """)
        #expect(run.outcome == .finished, "\(run.errors)")
        for table in ["ring", "nodes", "key k", "streams", "stats"] {
            #expect(run.output.contains("\n\(table.split(separator: " ")[0])"), "\(table) missing")
        }
        let blank = run.output.split(separator: "\n").filter { $0.last == " " }
        #expect(blank.isEmpty, "\(blank)")
    }
}

@Suite struct RecordingTests {
    @Test func recordUnrollsRepeatsAndInlinesIncludes() {
        var recorded = ""
        let options = SessionOptions(record: true) { path in
            guard path == "b.kvs" else { throw FileMissing() }
            return "echo from b\n"
        }
        let session = Session(options: options) { _, _ in }
        _ = session.run(source: "repeat 2 { echo k$i }\ninclude b.kvs\nat 1s {\n  heal\n}\nadvance 2s\n", path: "main.kvs")
        recorded = session.recording
        #expect(recorded == "echo k1\necho k2\necho from b\nat 1s {\n  heal\n}\nadvance 2s\n")
    }
}
