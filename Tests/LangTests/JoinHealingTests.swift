import Testing
@testable import Lang

/// Nodes that join through a contact which then dies, leaves or is cut off still find the rest
/// of the cluster (docs/decisions.md, "Membership"). Before the fix a new node gossiped to its
/// seeds only until it held some peer up, so two newcomers whose join never reached the old
/// members found each other and formed an island for good: the first script failed on 13 of
/// seeds 1..30, and `get k` read `absent`.
@Suite struct JoinHealingTests {
    static let contactKilled = """
        add n1 n2 n3
        put k a=1
        add n4 n5
        kill n1
        wait converged within 5m
        expect get k a=1
        expect n4 sees n2 up
        expect n2 sees n5 up

        """

    /// The newcomers join at different times; the contact dies after both.
    static let joinsAtDifferentTimes = """
        add n1 n2 n3
        put k a=1
        add n4
        advance 300ms
        add n5
        kill n1
        wait converged within 5m
        expect get k a=1
        expect n5 sees n2 up
        expect n2 sees n5 up

        """

    /// The contact is paused first, then killed; when it comes back it learns the newcomers.
    static let contactPausedThenKilled = """
        add n1 n2 n3
        put k a=1
        add n4 n5
        pause n1
        advance 2s
        kill n1
        wait converged within 5m
        expect get k a=1
        expect n4 sees n3 up
        restart n1
        wait converged within 5m
        expect n1 sees n5 up

        """

    /// The contact is cut off from everyone for longer than `suspect`, then killed.
    static let contactIsolated = """
        add n1 n2 n3
        put k a=1
        add n4 n5
        isolate n1
        advance 30s
        kill n1
        wait converged within 5m
        expect get k a=1
        expect n4 sees n3 up
        restart n1
        heal
        wait converged within 5m

        """

    /// Nodes join while the first member is cut off and leaving (its leave gives up and drops it).
    static let contactLeavingWhileCutOff = """
        add n1 n2 n3
        put k a=1
        isolate n1
        at 100ms { remove n1 }
        advance 200ms
        add n4 n5
        advance 1s
        heal
        wait converged within 5m
        expect get k a=1
        expect n4 sees n2 up
        expect n2 sees n5 up

        """

    @Test(arguments: Array(1...12) as [UInt64])
    func newcomersWhoseContactDiesFindTheOldMembers(seed: UInt64) {
        expectAllPass(Self.contactKilled, seed: seed, count: 4)
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func variants(seed: UInt64) {
        expectAllPass(Self.joinsAtDifferentTimes, seed: seed, count: 4)
        expectAllPass(Self.contactPausedThenKilled, seed: seed, count: 5)
        expectAllPass(Self.contactIsolated, seed: seed, count: 4)
        expectAllPass(Self.contactLeavingWhileCutOff, seed: seed, count: 4)
    }
}

/// Every expectation of `script` passes at `seed`, and there are `count` of them.
func expectAllPass(_ script: String, seed: UInt64, count: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    let run = runScript(script, seed: seed, quiet: true)
    #expect(run.outcome == .finished && run.failed == 0 && run.passed == count,
            "seed \(seed): \(run.output)\(run.errors)", sourceLocation: sourceLocation)
}
