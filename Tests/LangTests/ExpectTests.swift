import Testing
@testable import Lang

/// Every `expect` form of docs/language.md ("Expectations"): when it holds, when it fails, and what a
/// failure prints. Each counts as passed or failed and the script goes on.
@Suite struct ExpectTests {
    /// PASS (true) or FAIL (false) per line of `main.kvs`, as the run printed them.
    private func verdicts(_ run: ScriptRun) -> [Int: Bool] {
        var result: [Int: Bool] = [:]
        for line in run.output.split(separator: "\n") {
            for (prefix, held) in [("PASS main.kvs:", true), ("FAIL main.kvs:", false)] where line.hasPrefix(prefix) {
                if let number = Int(line.dropFirst(prefix.count).prefix { $0.isNumber }) { result[number] = held }
            }
        }
        return result
    }

    /// Runs `script`, which must finish without a script error.
    private func run(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScriptRun {
        let run = runScript(script)
        #expect(run.outcome == .finished, "\(run.errors)", sourceLocation: sourceLocation)
        #expect(run.errors.isEmpty, "\(run.errors)", sourceLocation: sourceLocation)
        return run
    }

    @Test func getHoldsForAtLeastTheseFieldsOrExactlyThemWithOnly() {
        let run = run("""
            add n1 n2 n3
            put k a=1 b=2
            expect get k a=1
            expect get k b=2 a=1 only
            expect get k a=1 only
            expect get k a=2
            expect get k a=1 c=3
            expect get k absent
            expect get other absent
            expect get other a=1
            """)
        #expect(verdicts(run) == [3: true, 4: true, 5: false, 6: false, 7: false, 8: false, 9: true, 10: false])
        #expect((run.passed, run.failed) == (3, 5))
    }

    @Test func anObjectWhoseEveryFieldIsDeletedReadsAsAbsent() {
        let run = run("""
            add n1 n2 n3
            put k a=1 b=2
            delete k a
            delete k b
            expect get k absent
            put j a=1
            delete j
            expect get j absent
            put j b=2
            expect get j b=2 only
            """)
        #expect(verdicts(run) == [5: true, 8: true, 10: true])
    }

    @Test func aGetThatFailsHoldsNeitherFieldsNorAbsent() {
        let run = run("""
            add n1 n2 n3
            put k a=1
            kill n1
            expect get k a=1 via n1
            expect get k absent via n1
            """)
        #expect(verdicts(run) == [4: false, 5: false])
        #expect(run.output.contains("  seen:     failed: timed out after 1s"), "\(run.output)")
    }

    @Test func streamNextConsumesTheOldestViewWhichMustMatchExactly() {
        let run = run("""
            add n1 n2 n3
            put k a=0 b=0
            stream s k a b
            put k a=1
            put k b=2
            delete k
            expect stream s next a=1
            expect stream s next a=1 b=2
            expect stream s next
            expect stream s next
            """)
        // Line 7 consumes the view a=1 b=0 (not exactly a=1); line 9 the empty view of the delete.
        #expect(verdicts(run) == [7: false, 8: true, 9: true, 10: false])
        #expect(run.output.contains("seen:     #1 a=1 b=0"), "\(run.output)")
        #expect(run.output.contains("seen:     no view pending"), "\(run.output)")
    }

    @Test func streamLastConsumesEveryPendingViewAndFailsWhenNoneIsPending() {
        let run = run("""
            add n1 n2 n3
            stream s k a
            put k a=1
            put k a=2
            put k a=3
            expect stream s last a=3
            expect stream s empty
            expect stream s last a=3
            put k a=4
            expect stream s last a=5
            expect stream s empty
            """)
        #expect(verdicts(run) == [6: true, 7: true, 8: false, 10: false, 11: true])
        #expect(run.output.contains("seen:     #4 a=4 (last of 1 pending)"), "\(run.output)")
    }

    @Test func streamCountAndEmptyConsumeNothing() {
        let run = run("""
            add n1 n2 n3
            stream s k a
            expect stream s empty
            expect stream s count 0
            put k a=1
            put k a=2
            expect stream s count 2
            expect stream s count 2
            expect stream s count 1
            expect stream s empty
            expect stream s next a=1
            expect stream s count 1
            """)
        #expect(verdicts(run) == [3: true, 4: true, 7: true, 8: true, 9: false, 10: false, 11: true, 12: true])
        #expect(run.output.contains("seen:     2 pending: #1 a=1, #2 a=2"), "\(run.output)")
    }

    @Test func streamWaitsForReportsInFlightBeforeItChecks() {
        // Views reach the client after the write completes: the expectation lets time pass first.
        let run = run("""
            add n1 n2 n3 n4 n5
            stream s k a
            put k a=1 via n4
            expect stream s next a=1
            """)
        #expect(verdicts(run) == [4: true])
    }

    @Test func ownersIsExactlyThePreferenceListInAnyOrder() {
        let run = run("""
            add n1 n2 n3
            expect owners k n3 n1 n2
            expect owners k n1 n2
            expect owners k n1 n2 n3 n3
            config replicas=2 read=1 write=1
            expect owners k n1 n2 n3
            """)
        #expect(verdicts(run) == [2: true, 3: false, 4: false, 6: false])
    }

    @Test func ownersOfANodeNotInTheClusterIsAScriptError() {
        let run = runScript("add n1 n2 n3\nremove n3\nexpect owners k n1 n3\n")
        #expect(run.outcome == .scriptError)
        #expect(run.errors.hasPrefix("main.kvs:3:20: error: node `n3` is not in the cluster"), "\(run.errors)")
    }

    @Test func seesHoldsAsTheObserversViewSays() {
        let run = run("""
            add n1 n2 n3
            expect n1 sees n2 up
            expect n1 sees n2 down
            kill n2
            advance 8s
            expect n1 sees n2 down
            expect n3 sees n2 up
            expect n1 sees n3 up
            """)
        #expect(verdicts(run) == [2: true, 3: false, 6: true, 7: false, 8: true])
    }

    @Test func convergedHoldsOnlyWhenTheClusterIsConverged() {
        let run = run("""
            add n1 n2 n3
            expect converged
            kill n2
            expect converged
            """)
        #expect(verdicts(run) == [2: true, 4: false])
        #expect(run.output.contains("seen:     not converged: "), "\(run.output)")
    }

    @Test func okAndFailJudgeTheClientOperation() {
        let run = run("""
            add n1 n2 n3
            expect ok put k a=1
            expect fail put k a=2
            expect ok get k
            expect ok delete k a
            kill n1
            kill n2
            expect fail put k a=3
            expect ok get k
            expect fail delete k
            expect fail stream s k a
            expect ok stream t k a
            """)
        #expect(verdicts(run) == [2: true, 3: false, 4: true, 5: true, 8: true, 9: false, 10: true, 11: true, 12: false])
    }

    @Test func aFailurePrintsFileLineExpectedAndSeenAndTheScriptGoesOn() {
        let run = run("add n1 n2\nput k a=1\nexpect get k a=2\necho after\n")
        #expect(run.output.contains("FAIL main.kvs:3 expect get k a=2\n  expected: a=2\n  seen:     a=1\nafter\n"),
                "\(run.output)")
        #expect((run.passed, run.failed) == (0, 1))
    }

    @Test func waitAndCheckCountAsExpectations() {
        let run = run("add n1 n2 n3\nwait converged\ncheck\nkill n1\nwait converged within 1s\n")
        #expect(verdicts(run) == [2: true, 3: true, 5: false])
        #expect((run.passed, run.failed) == (2, 1))
    }
}
