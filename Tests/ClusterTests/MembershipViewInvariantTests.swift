import Testing
@testable import Cluster

/// A membership view's invariants (MembershipView+Invariants.swift): random operations keep
/// them after every step, and the versions' promises between steps; corrupted views are reported.
@Suite struct MembershipViewInvariantTests {
    static let nodes: NodeID = 24

    static func randomEntry(_ node: NodeID, _ random: inout Xoshiro256StarStar, now: Micros) -> MemberEntry {
        MemberEntry(node: node, beat: Int64(random.below(UInt64(now) + 1)),
                    downAt: random.below(3) == 0 ? Int64(random.below(UInt64(now) + 1)) : -1,
                    removed: random.below(15) == 0, vnodes: Int32(random.below(8) + 1))
    }

    /// As a node uses its view: beats for itself, merges gossip and replies, detects failures,
    /// restarts its clocks, learns of removals, asks for peers; every invariant holds after every
    /// step (its own row included), and the versions keep their promises between steps.
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func membershipViewKeepsItsInvariants(seed: UInt64) {
        var random = Xoshiro256StarStar(seed: seed)
        let me = NodeID(Int(random.below(UInt64(Self.nodes.raw))))
        var view = MembershipView()
        var now: Micros = 10
        for step in 0..<300 {
            let before = view
            now += Micros(random.below(40))
            switch random.below(8) {
            case 0:
                // The node's beat (Simulation.beat).
                var own = view[me] ?? ViewEntry(entry: MemberEntry(node: me, beat: now, downAt: -1, removed: false, vnodes: 4),
                                                lastGrew: now, excluded: false)
                own.entry.beat = max(own.entry.beat, now)
                own.entry.downAt = -1
                own.lastGrew = now
                view.set(own)
            case 1:
                let incoming = (0..<Self.nodes).filter { _ in random.below(3) == 0 }.map { Self.randomEntry($0, &random, now: now) }
                _ = view.merge(incoming, me: me, now: now, rehash: 50)
            case 2:
                var sender = MembershipView()
                for n in 0..<Self.nodes where random.below(2) == 0 {
                    let e = Self.randomEntry(n, &random, now: now)
                    sender.set(ViewEntry(entry: e, lastGrew: 0, excluded: e.isDown && random.below(2) == 0))
                }
                _ = view.exchange(sender.snapshot, me: me, now: now, rehash: 50)
            case 3:
                _ = view.detect(me: me, now: now, suspect: 30, rehash: 50)
            case 4:
                view.restartClocks(me: me, now: now, resetStatus: random.below(2) == 0)
            case 5:
                let removed = NodeID(Int(random.below(UInt64(Self.nodes.raw))))
                if removed != me { view.update(removed) { $0.entry.removed = true } }
            default:
                _ = view.peers(of: me)
            }
            var found = view.invariantViolations(me: me)
            found += MembershipView.transitionViolations(from: before, to: view)
            #expect(found.isEmpty, "step \(step): \(found)")
            if !found.isEmpty { return }
        }
    }

    /// A view of a few nodes up and down, with its peer cache filled.
    func someView() -> MembershipView {
        var view = MembershipView()
        for n in 0..<6 as Range<NodeID> {
            let down = n == 4
            view.set(ViewEntry(entry: MemberEntry(node: n, beat: 100, downAt: down ? 80 : -1, removed: false, vnodes: 4),
                               lastGrew: 100, excluded: down))
        }
        _ = view.peers(of: 0)
        return view
    }

    @Test func corruptedMembershipViewsAreReported() {
        #expect(someView().invariantViolations(me: 0).isEmpty)

        var downBit = someView()
        downBit.slots[2].pulse = MembershipView.Pulse(beat: 100, down: true, removed: false, excluded: false)
        #expect(downBit.invariantViolations().contains { $0.hasPrefix("row 2 pulse: down bit") })

        var excluded = someView()
        excluded.slots[3].pulse = MembershipView.Pulse(beat: 100, down: false, removed: false, excluded: true)
        #expect(excluded.invariantViolations().contains { $0 == "row 3 pulse: excluded but not down" })

        // A member removed behind the versions' back: the peer cache, and the promise that the
        // same routingVersion routes the same, are broken.
        let before = someView()
        var removed = before
        removed.slots[5].pulse = MembershipView.Pulse(beat: 100, down: false, removed: true, excluded: false)
        #expect(removed.invariantViolations().contains { $0.hasPrefix("peer cache of 0") })
        #expect(MembershipView.transitionViolations(from: before, to: removed).contains { $0.hasPrefix("members changed") })
        #expect(MembershipView.transitionViolations(from: before, to: removed).contains { $0.hasPrefix("routing of 5 changed") })

        // Its own row held down: only the node's own view (`me`) says so.
        var ownDown = someView()
        ownDown.set(ViewEntry(entry: MemberEntry(node: 0, beat: 100, downAt: 90, removed: false, vnodes: 4),
                              lastGrew: 100, excluded: false))
        #expect(ownDown.invariantViolations().isEmpty)
        #expect(ownDown.invariantViolations(me: 0).contains { $0.hasPrefix("own row 0") })
    }
}
