import Testing
@testable import Lang

/// `check` must pass on a correct run and must fail, naming what was lost, when data really is lost.
@Suite struct CheckTests {
    @Test func catchesWritesLostWithAWipedDisk() {
        let run = runScript("""
            config replicas=1 read=1 write=1
            add n1 n2 n3
            repeat 10 { put k$i a=$i }
            kill n1 wipe
            restart n1
            check
            """)
        #expect(run.outcome == .finished)
        #expect(run.failed == 1)
        #expect(run.output.contains("FAIL main.kvs:6 check"))
        #expect(run.output.contains("lost: key k1 field a: put k1 a=1"))
    }

    @Test func passesWhenNothingWasLost() {
        let run = runScript("""
            add n1 n2 n3
            stream s k1 a initial
            repeat 10 { put k$i a=$i }
            kill n1
            advance 15s
            restart n1
            check
            """)
        #expect(run.failed == 0)
        #expect(run.passed == 1)
        #expect(run.output.contains("PASS main.kvs:7 check"))
    }

    @Test func reportsWhatNoReplicaHoldsWhenItCannotConverge() {
        let run = runScript("""
            config replicas=1 read=1 write=1
            add n1 n2
            repeat 6 { put k$i a=$i }
            kill n1 wipe
            check within 2s
            """)
        #expect(run.failed == 1)
        #expect(run.output.contains("not converged within 2s"))
    }

    @Test func chaosCampaignPassesCheck() {
        let run = runScript("""
            add n1 n2 n3 n4 n5
            chaos 20s ops=60 keys=5 streams=3
            check
            """, seed: 3)
        #expect(run.outcome == .finished)
        #expect(run.failed == 0)
        #expect(run.output.contains("chaos 20s: 60 operations"))
    }
}
