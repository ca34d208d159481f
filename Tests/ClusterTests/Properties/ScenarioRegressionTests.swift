import Testing
@testable import Cluster

/// Counterexamples the property tests found, pasted as the library printed them (after
/// shrinking) and replayed with the same judges. Each says what went wrong before its fix.
@Suite struct ScenarioRegressionTests {
    /// `replicasAgreeAndNoAcknowledgedWriteIsLost` (release sweep, 3,000 scenarios): n2 left
    /// while n4 was killed and was added again; n4 came back with `put k2 f1=a` and never passed
    /// it to the new n2. The new n2 has the old one's tokens under a new index, and n4's Merkle
    /// index kept its ring (same tokens, old owners), from which anti-entropy read k2's
    /// preference list: the old, removed n2, never up, so n4 sent k2's range to no one. Fixed
    /// by the index taking a new ring when its owners change too.
    @Test func nodeAddedAgainUnderItsNameGetsItsRangesByAntiEntropy() throws {
        let run = try ScenarioRun.faulty(Scenario(seed: 160898346, shape: ClusterShape(nodes: 4, replicas: 2, read: 1, write: 1, lossPPM: 0, latencyMs: 1...1, fastTimers: false), steps: [
            .put(key: 2, fields: [1: "a"]),
            .advance(ms: 3),
            .partition([1]),
            .kill(node: 4),
            .leave(node: 2),
            .rejoin(node: 2),
            .open(stream: 3, key: 3, fields: [2], initial: false),
        ]))
        #expect(run.failures + run.dataFailures() + run.checkerViolations() == [])
    }

    /// `streamsKeepTheirGuaranteesUnderFaults`: s1 missed `put k2 f2=a` while disconnected; its
    /// `reconnect` ran while k2's only replica (n2) was killed, so the re-registration was stored
    /// nowhere and no replica ever re-reported the write: after convergence the stream's last view
    /// was still empty (guarantees 1 and 3). Fixed by the client registering again until it
    /// succeeds (docs/decisions.md, "Running").
    @Test func reconnectWhileTheOnlyReplicaIsDown() throws {
        let run = try ScenarioRun.faulty(Scenario(seed: 109838420, shape: ClusterShape(nodes: 3, replicas: 1, read: 1, write: 1, lossPPM: 0, latencyMs: 1...1, fastTimers: false), steps: [
            .open(stream: 1, key: 2, fields: [2], initial: false),
            .put(key: 2, fields: [2: "a"]),
            .disconnect(stream: 1),
            .open(stream: 3, key: 2, fields: [1], initial: false),
            .kill(node: 2),
            .reconnect(stream: 1),
        ]))
        #expect(run.failures + run.dataFailures() + run.streamFailures() + run.checkerViolations() == [])
        #expect(run.tracks.first?.views.map(\.fields) == [fv(("f2", "a"))])
    }

    /// `replicasAgreeAndNoAcknowledgedWriteIsLost` (in a release sweep; message loss kept the
    /// shrinker from going below 12 steps): n4's graceful leave ended "handed off", yet the
    /// acknowledged `put k1 f2=a` was gone. Its new owner n1 had not heard of the leave (the
    /// gossip was lost), took the handoff as data of a key n4 owned, handed it back to n4 as a
    /// hint and acknowledged the handoff; n4 acknowledged the hint and dropped it with its leave.
    /// Fixed by a node not taking a handoff it would hand back to the leaving node. Minimised by
    /// hand to OwnershipMoveTests.handoffIsNotBouncedBackToTheLeavingNode.
    @Test func handoffBouncedBackToTheLeavingNode() throws {
        let run = try ScenarioRun.faulty(Scenario(seed: 880716606, shape: ClusterShape(nodes: 6, replicas: 1, read: 1, write: 1, lossPPM: 37116, latencyMs: 1...4, fastTimers: false), steps: [
            .get(key: 4),
            .put(key: 2, fields: [1: "a"]),
            .partition([2]),
            .put(key: 1, fields: [2: "a"]),
            .put(key: 2, fields: [2: "a"]),
            .advance(ms: 9249),
            .open(stream: 1, key: 3, fields: [3], initial: false),
            .put(key: 2, fields: [2: "a"]),
            .get(key: 4),
            .advance(ms: 986),
            .put(key: 2, fields: [1: "a"]),
            .leave(node: 4),
        ]))
        #expect(run.droppedAt == nil)
        #expect(run.failures + run.dataFailures() + run.streamFailures() + run.checkerViolations() == [])
    }

    /// `streamsKeepTheirGuaranteesUnderFaults`, the same bug seen from a stream: after n2's leave
    /// k2 converged to no value while s1 and s2 had shown f2=a (guarantee 3).
    @Test func handoffBouncedBackSeenByAStream() throws {
        let run = try ScenarioRun.faulty(Scenario(seed: 459419010, shape: ClusterShape(nodes: 6, replicas: 1, read: 1, write: 1, lossPPM: 38413, latencyMs: 1...12, fastTimers: false), steps: [
            .put(key: 1, fields: [3: "a"]),
            .put(key: 1, fields: [1: "a"]),
            .open(stream: 1, key: 1, fields: [3], initial: false),
            .open(stream: 1, key: 2, fields: [2], initial: false),
            .advance(ms: 394),
            .put(key: 2, fields: [1: "a"]),
            .put(key: 1, fields: [3: "a"]),
            .put(key: 1, fields: [1: "a"]),
            .put(key: 2, fields: [2: "a"]),
            .put(key: 1, fields: [2: "a"]),
            .open(stream: 2, key: 2, fields: [2], initial: false),
            .leave(node: 2),
        ]))
        #expect(run.droppedAt == nil)
        #expect(run.failures + run.dataFailures() + run.streamFailures() + run.checkerViolations() == [])
    }

    /// `streamsKeepTheirGuaranteesUnderFaults` (release sweep), after the first fix: with no node
    /// running when s3 reconnected (n3 killed, n1 and n2 paused), the client stopped registering
    /// again after one attempt (it took "fewer running nodes than write" for "no registration can
    /// ever succeed"), and s3 never showed f1=a. Fixed by counting the cluster's nodes instead.
    @Test func reconnectWhileNoNodeRuns() throws {
        let run = try ScenarioRun.faulty(Scenario(seed: 219770928, shape: ClusterShape(nodes: 3, replicas: 1, read: 1, write: 1, lossPPM: 0, latencyMs: 1...1, fastTimers: false), steps: [
            .kill(node: 3),
            .open(stream: 3, key: 1, fields: [1], initial: false),
            .put(key: 1, fields: [1: "a"]),
            .disconnect(stream: 3),
            .advance(ms: 3),
            .pause(node: 1),
            .pause(node: 2),
            .reconnect(stream: 3),
            .advance(ms: 3311),
        ]))
        #expect(run.failures + run.dataFailures() + run.streamFailures() + run.checkerViolations() == [])
        #expect(run.tracks.first?.views.map(\.fields) == [fv(("f1", "a"))])
    }

    /// `streamsKeepTheirGuaranteesUnderFaults` (release sweep of 100,000), after the second fix:
    /// two leaves left one node (n2) with write=2, so no registration could succeed; the client
    /// tried once more (while n2 was killed) and stopped, and s3 never showed f3=a. Fixed by
    /// registering again until a registration succeeds or a replica reports.
    @Test func reconnectInAClusterSmallerThanWrite() throws {
        let run = try ScenarioRun.faulty(Scenario(seed: 926529246, shape: ClusterShape(nodes: 3, replicas: 2, read: 1, write: 2, lossPPM: 0, latencyMs: 1...1, fastTimers: false), steps: [
            .leave(node: 1),
            .open(stream: 3, key: 1, fields: [3], initial: false),
            .put(key: 1, fields: [3: "a"]),
            .disconnect(stream: 3),
            .leave(node: 3),
            .kill(node: 2),
            .reconnect(stream: 3),
            .open(stream: 1, key: 1, fields: [1], initial: false),
        ]))
        #expect(run.failures + run.dataFailures() + run.streamFailures() + run.checkerViolations() == [])
        #expect(run.tracks.first?.views.map(\.fields) == [fv(("f3", "a"))])
    }

    /// `streamsKeepTheirGuaranteesUnderFaults`, while fixing the previous one (when any report
    /// ended the resync): k1 never written, s3 reconnected after a leave left two nodes with
    /// write=3; the replicas' reports of the new registration came during the reconnect, before
    /// the resync began, and the resync then waited for a report that never came: not converged
    /// ("stream report in flight"). Reports now carry the registration's epoch and the client
    /// keeps the highest one it has seen.
    @Test func reconnectWhoseRegistrationWasReportedAtOnce() throws {
        let run = try ScenarioRun.faulty(Scenario(seed: 749621831, shape: ClusterShape(nodes: 3, replicas: 3, read: 1, write: 3, lossPPM: 0, latencyMs: 1...1, fastTimers: false), steps: [
            .open(stream: 3, key: 1, fields: [1], initial: false),
            .disconnect(stream: 3),
            .leave(node: 1),
        ]))
        #expect(run.failures + run.dataFailures() + run.streamFailures() + run.checkerViolations() == [])
    }

    /// `streamsKeepTheirGuaranteesUnderFaults` (release sweep of 100,000, with message loss, so
    /// the shrinker stopped at 19 steps): n2, k2's only replica, applied the acknowledged
    /// `delete k2 f3`; its report to s3 was lost, and n2 was killed before retransmitting it, so
    /// the report went with its memory. After the restart s3 still showed f3=a (guarantees 1
    /// and 3). Fixed by a restarted node reporting to every open registration it stores.
    /// Minimised by hand to StreamScenarioTests.reportLostWithAKilledReplicaIsMadeAgainOnRestart.
    @Test func reportLostWithAKilledReplica() throws {
        let run = try ScenarioRun.faulty(Scenario(seed: 637390645, shape: ClusterShape(nodes: 6, replicas: 1, read: 1, write: 1, lossPPM: 18521, latencyMs: 5...30, fastTimers: true), steps: [
            .put(key: 2, fields: [2: "a"]),
            .get(key: 2),
            .advance(ms: 1295),
            .kill(node: 4),
            .open(stream: 3, key: 2, fields: [3], initial: false),
            .put(key: 1, fields: [1: "a"]),
            .deleteFields(key: 2, fields: [1]),
            .open(stream: 1, key: 1, fields: [1], initial: false),
            .open(stream: 1, key: 2, fields: [2], initial: false),
            .open(stream: 2, key: 1, fields: [2], initial: false),
            .advance(ms: 915),
            .get(key: 1),
            .put(key: 2, fields: [3: "a"]),
            .advance(ms: 69),
            .put(key: 2, fields: [2: "a", 3: "a"]),
            .put(key: 1, fields: [3: "a"]),
            .deleteFields(key: 2, fields: [3]),
            .open(stream: 2, key: 2, fields: [2], initial: false),
            .kill(node: 2),
        ]))
        #expect(run.failures + run.dataFailures() + run.streamFailures() + run.checkerViolations() == [])
    }

    /// `streamsKeepTheirGuaranteesUnderFaults` (release sweep of 200-step scenarios): n4 and n1
    /// rejoined while n2 and n3, the only other members, were paused; with no running contact
    /// n4 gossiped to its seeds only until it held n1 up, so n2 and n3 never heard of either:
    /// not converged after 120s ("n2 does not know n4"). Fixed by a paused member serving as
    /// the contact. Minimised by hand to
    /// ConvergenceTests.nodesAddedWhileEveryMemberIsPausedAreKnownAfterResume.
    @Test func rejoinWhileEveryOtherMemberIsPaused() throws {
        let run = try ScenarioRun.faulty(Scenario(seed: 742052282, shape: ClusterShape(nodes: 4, replicas: 1, read: 1, write: 1, lossPPM: 0, latencyMs: 1...1, fastTimers: false), steps: [
            .leave(node: 1),
            .pause(node: 3),
            .leave(node: 4),
            .pause(node: 2),
            .rejoin(node: 4),
            .rejoin(node: 1),
        ]))
        #expect(run.failures + run.dataFailures() + run.streamFailures() + run.checkerViolations() == [])
    }

    /// `replicasAgreeAndNoAcknowledgedWriteIsLost` (release sweep of 200-step scenarios): n1 sent
    /// k1 to n4 as hint version 1 while n4 was paused; the hint was then retired without an
    /// acknowledgement (n1 took it in itself while its view held n4 out) and made again, with
    /// the acknowledged `put k1 f3=a`, as a new hint that was also version 1. When n4 resumed it
    /// acknowledged the old message's version 1, which retired the new hint undelivered: f3=a
    /// was lost. Fixed by hint versions that never repeat on a node
    /// (StorageTests.lateAcknowledgementDoesNotRetireAHintMadeAgain).
    @Test func lateHintAcknowledgementRetiredANewerHint() throws {
        let run = try ScenarioRun.faulty(Scenario(seed: 945959738, shape: ClusterShape(nodes: 5, replicas: 1, read: 1, write: 1, lossPPM: 1, latencyMs: 1...24, fastTimers: false), steps: [
            .advance(ms: 1273),
            .put(key: 2, fields: [1: "a"]),
            .put(key: 3, fields: [3: "a"]),
            .get(key: 3),
            .put(key: 2, fields: [1: "a"]),
            .kill(node: 4),
            .put(key: 1, fields: [1: "a"]),
            .open(stream: 3, key: 4, fields: [2], initial: false),
            .put(key: 3, fields: [2: "a"]),
            .advance(ms: 942),
            .advance(ms: 989),
            .advance(ms: 9346),
            .open(stream: 1, key: 4, fields: [1], initial: false),
            .deleteFields(key: 2, fields: [2]),
            .put(key: 1, fields: [2: "a"]),
            .put(key: 3, fields: [1: "a"]),
            .advance(ms: 1436),
            .put(key: 4, fields: [1: "a"]),
            .close(stream: 3),
            .pause(node: 2),
            .put(key: 1, fields: [3: "a"]),
            .deleteObject(key: 2),
            .put(key: 2, fields: [1: "a"]),
            .kill(node: 1),
            .put(key: 4, fields: [2: "a"]),
            .restart(node: 4),
            .pause(node: 4),
            .restart(node: 1),
            .advance(ms: 12),
            .isolate(node: 4),
            .open(stream: 3, key: 4, fields: [1], initial: false),
        ]))
        #expect(run.failures + run.dataFailures() + run.streamFailures() + run.checkerViolations() == [])
    }

    /// `replicasAgreeAndNoAcknowledgedWriteIsLost` (found by a release sweep of 3,000 scenarios):
    /// replicas=1; n3 was removed and added again, then n2 (k4's only replica) left. n2 handed
    /// k4 to n1, which acknowledged it and, its view giving k4 to the new n3, passed it on as a
    /// hint; n3, whose view did not know of n2's leave yet, passed it back to n2 as a hint, and
    /// n2 acknowledged it into its handoff, where k4 was already acknowledged and unchanged, so
    /// nothing was sent again: n2's leave ended holding the only copy. Fixed by handing off again,
    /// as a new version, data that comes back to a leaving node, changed or not.
    @Test func handoffPassedBackThroughAThirdNode() throws {
        let run = try ScenarioRun.faulty(Scenario(seed: 456260543, shape: ClusterShape(nodes: 3, replicas: 1, read: 1, write: 1, lossPPM: 9075, latencyMs: 5...23, fastTimers: false), steps: [
            .put(key: 4, fields: [1: "a"]),
            .put(key: 3, fields: [1: "a"]),
            .leave(node: 3),
            .open(stream: 3, key: 4, fields: [2], initial: false),
            .rejoin(node: 3),
            .put(key: 2, fields: [1: "a"]),
            .put(key: 2, fields: [2: "a"]),
            .advance(ms: 12),
            .leave(node: 2),
        ]))
        #expect(run.droppedAt == nil)
        #expect(run.failures + run.dataFailures() + run.streamFailures() + run.checkerViolations() == [])
    }

    /// `streamsKeepTheirGuaranteesUnderFaults` (release sweep with `wipeOwners`): k1's only replica
    /// stored and acknowledged `put k1 f1=a` while its stream was disconnected, then lost its disk.
    /// The checker reported the write as `lost` and also as a guarantee 1 violation (no view
    /// delivered it); a write lost with a disk is reported as lost only.
    @Test func aWriteLostWithAWipedDiskIsNoStreamViolation() throws {
        let run = try ScenarioRun.faulty(Scenario(seed: 518273986, shape: ClusterShape(nodes: 3, replicas: 1, read: 1, write: 1, lossPPM: 0, latencyMs: 1...1, fastTimers: false), steps: [
            .open(stream: 2, key: 1, fields: [1], initial: false),
            .put(key: 1, fields: [1: "a"]),
            .disconnect(stream: 2),
            .advance(ms: 2),
            .wipeOwners(key: 1),
        ]))
        let violations = run.checkerViolations()
        #expect(violations.contains { $0.hasPrefix("lost: key k1 field f1") }, "\(violations)")
        #expect(run.failures + run.streamFailures() + violations.filter { $0.hasPrefix("stream ") } == [])
    }
}
