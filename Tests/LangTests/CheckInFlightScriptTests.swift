import Testing
@testable import Lang

/// `check` lets operations in flight from `at` blocks finish first, prints their outcomes before
/// its own result, and judges them.
@Suite struct CheckInFlightScriptTests {
    /// The request reaches no node before the cluster is converged, so before, `check` judged at
    /// once and the write, acknowledged and then wiped, was never judged.
    @Test func aWriteInFlightWhenCheckRunsIsJudged() {
        let run = runScript("""
            config replicas=1 read=1 write=1 latency=50ms
            add n1 n2 n3
            at 0s { put k a=1 }
            at 75ms { kill n1 wipe }
            at 80ms { restart n1 }
            check
            """)
        #expect(run.outcome == .finished)
        #expect(run.failed == 1)
        #expect(run.output.contains("[100ms] put k: ok (n1, 1 ack)\nFAIL main.kvs:6 check"), "\(run.output)")
        #expect(run.output.contains("lost: key k field a: put k a=1 (50ms@n1) was acknowledged"))
        #expect(run.output.contains("n1's wiped disk held it"))
        #expect(!run.output.contains("still in flight"))
        #expect(!run.output.contains("not run"))
    }

    /// An `at` block that starts a put just as the cluster converges (n3 leaves preference lists
    /// `rehash` after its kill, at 11s): `check` lets it finish too, and prints its outcome first.
    @Test func anOperationStartedWhileCheckWaitsIsLetFinish() {
        let run = runScript("""
            add n1 n2 n3
            advance 1s
            kill n3
            at 11s { put k a=2 }
            check
            """)
        #expect(run.failed == 0)
        #expect(run.output.contains("put k: ok"))
        let lines = run.output.split(separator: "\n")
        let outcome = lines.firstIndex { $0.contains("put k: ok") }
        let verdict = lines.firstIndex { $0.hasPrefix("PASS main.kvs:5 check") }
        #expect(outcome != nil && verdict != nil && outcome! < verdict!, "\(run.output)")
        #expect(!run.output.contains("still in flight"))
    }
}
