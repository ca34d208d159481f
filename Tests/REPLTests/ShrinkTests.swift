import Lang
import Synchronization
import Testing
@testable import REPL

/// `kvrepl shrink`: planted failures padded with irrelevant commands shrink to the few that
/// matter, still fail the same way, are 1-minimal, and come out the same on one core or two.
@Suite struct ShrinkTests {
    /// A loss `check` catches (one replica, its disk wiped), hidden among faults on other nodes,
    /// writes to other keys, a stream, `at` blocks, a `repeat` and a chaos campaign.
    static let paddedLoss = """
        config replicas=1 read=1 write=1
        add n1 n2 n3 n4
        stream s1 pad-a a
        put pad-a a=1
        put pad-b b=2 c=3
        at 500ms {
          put pad-c c=3
          pause n4
        }
        advance 1s
        resume n4
        repeat 4 {
          put pad-r$i x=$i
        }
        chaos 3s ops=25 keys=3 streams=1
        put k a=1 b=2
        partition n1 n2 | n3 n4
        heal
        advance 1s
        expect get pad-a a=1
        kill n1 wipe
        kill n2 wipe
        kill n3 wipe
        kill n4 wipe
        restart n1
        restart n2
        restart n3
        restart n4
        check
        """

    /// An expectation a fault makes false (`n3` cut off is soon seen down), padded likewise.
    static let paddedExpectation = """
        add n1 n2 n3 n4 n5
        stream s1 pad-a a
        put pad-a a=1
        at 300ms {
          put pad-b b=1
          kill n5
        }
        advance 1s
        restart n5
        repeat 3 {
          put pad-r$i x=$i
          get pad-r$i
        }
        chaos 2s ops=20 keys=3
        put k a=1 b=2 c=3
        pause n4
        advance 200ms
        resume n4
        isolate n3
        advance 8s
        expect n1 sees n3 up
        heal
        put pad-z z=1
        """

    /// Shrunk once, for the tests that look at it.
    static let expectationShrunk = shrink(paddedExpectation)
    static let lossShrunk = shrink(paddedLoss)

    static func shrink(_ text: String, jobs: Int = 2, seed: UInt64 = 1) -> Shrinker.Outcome {
        Shrinker(seed: seed, jobs: jobs, path: "padded.kvs", interruptRequested: { false })
            .shrink(ScriptSource(path: "padded.kvs", text: text))
    }

    static func result(_ outcome: Shrinker.Outcome) throws -> ShrinkResult {
        guard case .shrunk(let result) = outcome else {
            Issue.record("refused: \(outcome)")
            throw Refused()
        }
        return result
    }

    struct Refused: Error {}

    static func fails(_ nodes: [ShrinkNode], _ signature: FailureSignature, seed: UInt64 = 1) -> Bool {
        CandidateRunner.verdict(Candidate(nodes: nodes, signature: signature), seed: seed, path: "padded.kvs",
                                interruptRequested: { false }) == true
    }

    /// Every script with exactly one command (at any depth) removed.
    static func oneRemoved(_ nodes: [ShrinkNode]) -> [[ShrinkNode]] {
        nodes.indices.flatMap { i -> [[ShrinkNode]] in
            var without = nodes
            without.remove(at: i)
            var variants = [without]
            if case .block(let header, let body) = nodes[i] {
                variants += oneRemoved(body).map { inner in
                    var copy = nodes
                    copy[i] = .block(header: header, body: inner)
                    return copy
                }
            }
            return variants
        }
    }

    @Test func aLossAmongDozensOfCommandsShrinksToTheFewThatMatter() throws {
        let result = try Self.result(Self.lossShrunk)
        #expect(result.expandedSize > 60)
        #expect(result.size <= 8, "\(result.script)")
        #expect(result.signature.subject == ["check"])
        #expect(result.signature.violation?.kind == "lost")
        let text = ShrinkTree.render(result.nodes)
        for padding in ["chaos", "stream", "repeat", "pad-", "partition"] {
            #expect(!text.contains(padding), "\(padding) left in:\n\(text)")
        }
        #expect(text.contains("wipe"))
        #expect(Self.fails(result.nodes, result.signature))
        for smaller in Self.oneRemoved(result.nodes) {
            #expect(!Self.fails(smaller, result.signature), "not 1-minimal:\n\(ShrinkTree.render(smaller))")
        }
    }

    @Test func anExpectationAFaultMakesFalseShrinksToTheFault() throws {
        let result = try Self.result(Self.expectationShrunk)
        #expect(result.size <= 4, "\(result.script)")
        #expect(result.signature.subject == ["expect", "n1", "sees", "n2", "up"])
        let text = ShrinkTree.render(result.nodes)
        #expect(text.contains("isolate n2\n"))
        #expect(!text.contains("chaos") && !text.contains("pad-") && !text.contains("stream"))
        #expect(Self.fails(result.nodes, result.signature))
        for smaller in Self.oneRemoved(result.nodes) {
            #expect(!Self.fails(smaller, result.signature), "not 1-minimal:\n\(ShrinkTree.render(smaller))")
        }
    }

    @Test func aCampaignShrinksTheSameOnOneCoreOrTwo() throws {
        let one = try Self.result(Self.shrink(Self.paddedLoss, jobs: 1))
        let two = try Self.result(Self.lossShrunk)
        #expect(one.script == two.script)
    }

    @Test func theResultIsTheSameOnOneCoreOrTwo() throws {
        let one = try Self.result(Self.shrink(Self.paddedExpectation, jobs: 1))
        let two = try Self.result(Self.expectationShrunk)
        let three = try Self.result(Self.shrink(Self.paddedExpectation, jobs: 3))
        #expect(one.script == two.script)
        #expect(one.script == three.script)
    }

    @Test func theScriptIsHeadedByTheOriginalTheSeedAndTheFailure() throws {
        let result = try Self.result(Self.expectationShrunk)
        let lines = result.script.split(separator: "\n")
        #expect(lines[0] == "# shrunk by kvrepl from padded.kvs on seed 1")
        #expect(lines[1] == "# failure kept: expect n1 sees n2 up fails (in the original: expect n1 sees n3 up fails)")
        #expect(lines[2].hasPrefix("# \(result.size) commands, from 21 commands, "))
    }

    final class StopSwitch: Sendable {
        let on = Atomic<Bool>(false)
    }

    @Test func ctrlCGivesTheSmallestScriptSoFar() throws {
        let stop = StopSwitch()
        let shrinker = Shrinker(seed: 1, jobs: 2, path: "padded.kvs", interruptRequested: { stop.on.load(ordering: .relaxed) })
        shrinker.runner.onBatch = { [unowned shrinker] in
            if shrinker.runner.tried >= 60 { stop.on.store(true, ordering: .relaxed) }
        }
        let result = try Self.result(shrinker.shrink(ScriptSource(path: "padded.kvs", text: Self.paddedLoss)))
        #expect(result.interrupted)
        #expect(result.candidates < 70)
        #expect(result.size < result.expandedSize)
        #expect(result.script.hasPrefix("# shrunk by kvrepl from padded.kvs on seed 1 (interrupted: the smallest found so far)\n"))
        #expect(Self.fails(result.nodes, result.signature))
    }

    @Test func aScriptThatPassesIsRefused() {
        guard case .refused(let message) = Self.shrink("add n1 n2 n3\nput k a=1\nexpect get k a=1\n") else {
            Issue.record("not refused")
            return
        }
        #expect(message == "padded.kvs does not fail on seed 1: nothing to shrink")
    }

    @Test func aScriptErrorIsRefused() {
        guard case .refused(let message) = Self.shrink("add n1\nkill n9\n") else {
            Issue.record("not refused")
            return
        }
        #expect(message.hasPrefix("padded.kvs ends in a script error on seed 1; fix it first:\npadded.kvs:2:6: error:"))
    }

    @Test func chaosIsExpandedIntoTheCommandsItRan() throws {
        let script = "add n1 n2 n3\nchaos 2s ops=10 keys=2 streams=1\nadvance 1s\nchaos 1s ops=5 keys=2\n"
        let nodes = ShrinkTree.rewritten(try ScriptLoader(readFile: { _ in "" }).load(text: script, path: "c.kvs")
            .outline.map(ShrinkNode.init)) { $0 }
        let expanded = ChaosExpansion.expand(nodes, seed: 3, path: "c.kvs")
        let text = ShrinkTree.render(expanded)
        #expect(!text.contains("chaos 2s") && !text.contains("chaos 1s"))
        #expect(text.hasPrefix("add n1 n2 n3\nstream chaos-s1 "))
        #expect(text.contains("\nadvance 1s\n"))
        #expect(ShrinkTree.size(expanded) > 15)
        // The expansion replays the original run: the same operations and outcomes.
        #expect(Self.output(text, seed: 3).filter { !$0.hasPrefix("chaos ") }
                == Self.output(script, seed: 3).filter { !$0.hasPrefix("chaos ") })
    }

    static func output(_ text: String, seed: UInt64) -> [String] {
        let captured = CapturedOutput()
        _ = ScriptRun.run(ScriptSource(path: "c.kvs", text: text), seed: seed, settings: RunSettings(),
                          output: captured.append)
        return captured.lines.flatMap { $0.text.split(separator: "\n").map(String.init) }
    }
}

@Suite struct ShrinkPartsTests {
    @Test func deltaDebuggingFindsTheTwoThatMatter() {
        var tests = 0
        let minimal = DeltaDebugging.minimize(Array(1...40)) { candidates in
            tests += candidates.count
            return candidates.firstIndex { $0.contains(7) && $0.contains(31) }
        }
        #expect(minimal == [7, 31])
        #expect(tests < 200)
    }

    @Test func aFailLineGivesTheExpectationAndCheckViolations() {
        let get = FailureReading.failure("FAIL a b.kvs:12 (i=2) expect get k f=1 via n1\n  expected: f=1\n  seen:     absent\n")
        #expect(get == ObservedFailure(subject: ["expect", "get", "k"], violations: []))
        let check = FailureReading.failure("""
            FAIL x.kvs:9 check
              expected: converged
              seen:     converged at 3s; 2 acknowledged writes, 1 streams checked
                        2 violations:
                          lost: key "a b" field f: put "a b" f=1 (1s@n1) was acknowledged; n2 holds nothing newer
                          stream s1: view #3 breaks the sequence
            """)
        #expect(check?.subject == ["check"])
        #expect(check?.violations == [.init(kind: "lost", key: "\"a b\""),
                                      .init(kind: "stream sequence broken", key: "s1")])
        let signature = FailureReading.signature([check!])
        #expect(signature?.description == "check reports lost on key \"a b\"")
        #expect(signature?.renamed(["\"a b\"": "k1"]).description == "check reports lost on key k1")
    }

    @Test func theSameExpectationMatchesWhateverItsLineAndFields() {
        let signature = FailureSignature(subject: ["expect", "stream", "s1", "next"])
        let later = FailureReading.failure("FAIL x.kvs:40 expect stream s1 next a=2\n  expected: a=2\n  seen: no view pending\n")!
        #expect(signature.isMet(by: [later]))
        let other = FailureReading.failure("FAIL x.kvs:40 expect stream s2 next a=2\n  expected: a=2\n  seen: x\n")!
        #expect(!signature.isMet(by: [other]))
    }

    @Test func wordsSplitOutsideQuotes() {
        #expect(ShrinkText.words("put \"a b\" f=\"x \\\" y\" g=1") == ["put", "\"a b\"", "f=\"x \\\" y\"", "g=1"])
    }
}
