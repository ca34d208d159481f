import Testing
@testable import Cluster

/// The membership view (kept in columns, with shortcuts for the usual entries) against a plain
/// model of the gossip rules over a dictionary, on random views and messages: ties of
/// heartbeats, down marks, removals and nodes one side has not heard of.
@Suite struct MembershipViewTests {
    static let nodes: NodeID = 40
    static let rehash: Micros = 50

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func mergeAndExchangeFollowTheModel(seed: UInt64) {
        var random = Xoshiro256StarStar(seed: seed)
        let me = NodeID(Int(random.below(UInt64(Self.nodes.raw))))
        let now: Micros = 100
        var view = MembershipView()
        var model: [NodeID: ViewEntry] = [:]
        for node in 0..<Self.nodes where random.below(5) != 0 {
            let e = Self.randomEntry(node, &random)
            let v = ViewEntry(entry: e, lastGrew: Micros(random.below(100)), excluded: e.isDown && random.below(2) == 0)
            view.set(v)
            model[node] = v
        }
        let incoming = (0..<Self.nodes).filter { _ in random.below(4) != 0 }.map { Self.randomEntry($0, &random) }

        let expectedReply = Self.newer(model, than: incoming)
        var merged = model
        let expected = Self.merge(&merged, incoming, me: me, now: now)

        var exchanged = view
        let versionBefore = view.membershipVersion
        var sender = MembershipView()  // the push as gossip sends it: the sender's rows
        for e in incoming { sender.set(ViewEntry(entry: e, lastGrew: 7, excluded: e.isDown && random.below(2) == 0)) }
        #expect(sender.snapshot.entries == incoming)
        let (reply, fx) = exchanged.exchange(sender.snapshot, me: me, now: now, rehash: Self.rehash)
        #expect(reply == expectedReply)
        #expect(fx.ringChanged == expected.ringChanged && fx.cameUp == expected.cameUp)
        #expect(exchanged.membershipVersion - versionBefore == expected.memberChanges)

        let fx2 = view.merge(incoming, me: me, now: now, rehash: Self.rehash)
        #expect(fx2.ringChanged == expected.ringChanged && fx2.cameUp == expected.cameUp)
        for node in 0..<Self.nodes {
            for v in [view, exchanged] {
                #expect(v[node]?.entry == merged[node]?.entry)
                #expect(v[node]?.lastGrew == merged[node]?.lastGrew)
                #expect(v[node]?.excluded == merged[node]?.excluded)
            }
        }
    }

    /// `peers(of:)` keeps its answer between changes: after every kind of change (a set, a
    /// merge, a push exchanged, failure detection, restarted clocks) it matches the view's rows.
    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func peersFollowEveryChange(seed: UInt64) {
        var random = Xoshiro256StarStar(seed: seed)
        let me = NodeID(Int(random.below(UInt64(Self.nodes.raw))))
        var view = MembershipView()
        var now: Micros = 100
        for step in 0..<60 {
            now += Micros(random.below(40))
            switch random.below(5) {
            case 0:
                let e = Self.randomEntry(NodeID(Int(random.below(UInt64(Self.nodes.raw)))), &random)
                view.set(ViewEntry(entry: e, lastGrew: now, excluded: false))
            case 1:
                let incoming = (0..<Self.nodes).filter { _ in random.below(3) == 0 }.map { Self.randomEntry($0, &random) }
                _ = view.merge(incoming, me: me, now: now, rehash: Self.rehash)
            case 2:
                var sender = MembershipView()
                for n in 0..<Self.nodes where random.below(2) == 0 {
                    sender.set(ViewEntry(entry: Self.randomEntry(n, &random), lastGrew: 0, excluded: false))
                }
                _ = view.exchange(sender.snapshot, me: me, now: now, rehash: Self.rehash)
            case 3:
                _ = view.detect(me: me, now: now, suspect: 30, rehash: Self.rehash)
            default:
                view.restartClocks(me: me, now: now, resetStatus: random.below(2) == 0)
            }
            let members = (0..<Self.nodes).filter { $0 != me }.compactMap { n in view[n].flatMap { $0.entry.removed ? nil : $0 } }
            let peers = view.peers(of: me)
            #expect(peers.up == members.filter { !$0.entry.isDown }.map(\.entry.node), "step \(step)")
            #expect(peers.down == members.filter { $0.entry.isDown }.map(\.entry.node), "step \(step)")
        }
    }

    static func randomEntry(_ node: NodeID, _ random: inout Xoshiro256StarStar) -> MemberEntry {
        MemberEntry(node: node, beat: Int64(random.below(4)), downAt: random.below(3) == 0 ? Int64(random.below(80)) : -1,
                    removed: random.below(12) == 0, vnodes: Int32(random.below(8) + 1))
    }

    // MARK: The model: the gossip rules, one entry at a time

    static func newer(_ view: [NodeID: ViewEntry], than incoming: [MemberEntry]) -> [MemberEntry] {
        view.keys.sorted().compactMap { node in
            let m = view[node]!.entry
            guard let t = incoming.first(where: { $0.node == node }) else { return m }
            if t.removed { return nil }
            let newer = m.removed || m.beat > t.beat || (m.beat == t.beat && m.isDown && (!t.isDown || m.downAt < t.downAt))
            return newer ? m : nil
        }
    }

    /// Each entry's outcome by case, then the effects from the entry before and after.
    static func merge(_ view: inout [NodeID: ViewEntry], _ incoming: [MemberEntry], me: NodeID, now: Micros)
        -> (ringChanged: Bool, cameUp: [NodeID], memberChanges: Int) {
        var ringChanged = false, cameUp: [NodeID] = [], memberChanges = 0
        for e in incoming where e.node != me {
            let before = view[e.node]
            var after: ViewEntry
            switch before {
            case nil:
                after = ViewEntry(entry: e, lastGrew: now, excluded: false)
            case let old? where old.entry.removed:
                continue
            case var old? where e.removed:
                old.entry.removed = true
                after = old
            case let old? where e.beat > old.entry.beat:
                let entry = MemberEntry(node: e.node, beat: e.beat, downAt: e.downAt, removed: false, vnodes: old.entry.vnodes)
                after = ViewEntry(entry: entry, lastGrew: now, excluded: false)
            case var old? where e.beat == old.entry.beat && e.isDown:
                old.entry.downAt = old.entry.isDown ? min(old.entry.downAt, e.downAt) : e.downAt
                after = old
            default:
                continue
            }
            after.excluded = after.entry.isDown && now >= after.entry.downAt + rehash
            view[e.node] = after
            let wasMember = before.map { !$0.entry.removed } ?? false
            if wasMember != !after.entry.removed { memberChanges += 1 }
            if before == nil || after.entry.removed || after.excluded != before!.excluded { ringChanged = true }
            if let old = before, !old.isUp && after.isUp { cameUp.append(e.node) }
        }
        return (ringChanged, cameUp, memberChanges)
    }
}
