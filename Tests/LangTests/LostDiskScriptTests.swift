import Testing
@testable import Lang

/// A key that lost a write with a disk is reported `lost` where acknowledged, and set aside from
/// guarantee 3; a disk lost with nothing only it held sets nothing aside.
@Suite struct LostDiskScriptTests {
    /// docs/language.md's example of a check that must fail, with a stream that showed the lost write:
    /// the write is `lost`, and the stream is set aside from guarantee 3.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aStreamOnAKeyWhoseOnlyReplicaIsWipedIsSetAside(seed: UInt64) {
        let run = runScript("""
            config replicas=1 read=1 write=1
            add n1 n2 n3
            expect owners k n1
            stream s k a
            put k a=1
            expect stream s next a=1
            kill n1 wipe
            restart n1
            check
            """, seed: seed)
        #expect(run.failed == 1)
        #expect(run.output.contains("1 violation:\n"), "\(run.output)")
        #expect(run.output.contains("lost: key k field a: put k a=1"))
        #expect(!run.output.contains("stream s: last view"))
    }

    /// Every node down for `rehash` leaves the key without owners: the write is judged on every
    /// disk in the cluster, so a paused node's copy keeps it from being `lost`, and two wiped
    /// disks do not.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aKeyWithNoOwnerIsJudgedOnEveryDisk(seed: UInt64) {
        let paused = runScript("""
            add n1 n2
            put k a=1
            pause n2
            kill n1 wipe
            check
            """, seed: seed)
        #expect(paused.passed == 1 && paused.failed == 0, "\(paused.output)")
        let wiped = runScript("""
            add n1 n2
            put k a=1
            kill n2 wipe
            kill n1 wipe
            check
            """, seed: seed)
        #expect(wiped.failed == 1)
        #expect(wiped.output.contains("lost: key k field a: put k a=1"), "\(wiped.output)")
        #expect(wiped.output.contains("no disk in the cluster holds the key"))
    }

    /// A `remove` that gives up after 60s drops the node with its disk: the same.
    @Test func aStreamOnAKeyLostWithANodeDroppedByRemoveIsSetAside() {
        let run = runScript("""
            config replicas=1 read=1 write=1
            add n1 n2 n3
            expect owners k n1
            stream s k a
            put k a=1
            isolate n1
            remove n1
            heal
            check
            """)
        #expect(run.output.contains("remove n1: handoff did not finish within 60s"))
        #expect(run.failed == 1)
        #expect(run.output.contains("1 violation:\n"), "\(run.output)")
        #expect(run.output.contains("lost: key k field a: put k a=1"))
        #expect(!run.output.contains("stream s: last view"))
        #expect(run.output.contains("n1's disk (dropped from the cluster) held it"))
    }

    /// With three replicas one wiped disk loses nothing: nothing is set aside and check passes.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aWipeThatLosesNothingPasses(seed: UInt64) {
        let run = runScript("""
            add n1 n2 n3
            stream s k a
            put k a=1
            kill n1 wipe
            restart n1
            put k a=2
            check
            expect stream s last a=2
            """, seed: seed)
        #expect(run.failed == 0, "\(run.output)")
        #expect(run.passed == 2)
    }
}
