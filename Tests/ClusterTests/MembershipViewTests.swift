import Testing
@testable import Cluster

/// The membership view (kept in columns, with shortcuts for the usual entries) against a plain
/// model of the gossip rules over a dictionary, on random views and messages: ties of
/// heartbeats, down marks, removals and nodes one side has not heard of.
@Suite struct MembershipViewTests {
    static let nodes: Int32 = 40
    static let rehash: Micros = 50

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func mergeAndExchangeFollowTheModel(seed: UInt64) {
        var random = Xoshiro256StarStar(seed: seed)
        let me = Int32(random.below(UInt64(Self.nodes)))
        let now: Micros = 100
        var view = MembershipView()
        var model: [Int32: ViewEntry] = [:]
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
        let (reply, fx) = exchanged.exchange(incoming, me: me, now: now, rehash: Self.rehash)
        #expect(view.newer(than: incoming) == expectedReply)
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

    static func randomEntry(_ node: Int32, _ random: inout Xoshiro256StarStar) -> MemberEntry {
        MemberEntry(node: node, beat: Int64(random.below(4)), downAt: random.below(3) == 0 ? Int64(random.below(80)) : -1,
                    removed: random.below(12) == 0, vnodes: Int32(random.below(8) + 1))
    }

    // MARK: The model: the gossip rules, one entry at a time

    static func newer(_ view: [Int32: ViewEntry], than incoming: [MemberEntry]) -> [MemberEntry] {
        view.keys.sorted().compactMap { node in
            let m = view[node]!.entry
            guard let t = incoming.first(where: { $0.node == node }) else { return m }
            if t.removed { return nil }
            let newer = m.removed || m.beat > t.beat || (m.beat == t.beat && m.isDown && (!t.isDown || m.downAt < t.downAt))
            return newer ? m : nil
        }
    }

    static func merge(_ view: inout [Int32: ViewEntry], _ incoming: [MemberEntry], me: Int32, now: Micros)
        -> (ringChanged: Bool, cameUp: [Int32], memberChanges: Int) {
        var ringChanged = false, cameUp: [Int32] = [], memberChanges = 0
        for e in incoming where e.node != me {
            guard var local = view[e.node] else {
                view[e.node] = ViewEntry(entry: e, lastGrew: now, excluded: e.isDown && now >= e.downAt + rehash)
                if !e.removed { memberChanges += 1 }
                ringChanged = true
                continue
            }
            if local.entry.removed { continue }
            let wasUp = local.isUp, wasExcluded = local.excluded
            if e.removed {
                local.entry.removed = true
                memberChanges += 1
            } else if e.beat > local.entry.beat {
                local.entry.beat = e.beat
                local.entry.downAt = e.downAt
                local.lastGrew = now
            } else if e.beat == local.entry.beat && e.isDown {
                local.entry.downAt = local.entry.isDown ? min(local.entry.downAt, e.downAt) : e.downAt
            } else {
                continue
            }
            local.excluded = local.entry.isDown && now >= local.entry.downAt + rehash
            view[e.node] = local
            if local.entry.removed || local.excluded != wasExcluded { ringChanged = true }
            if !wasUp && local.isUp { cameUp.append(e.node) }
        }
        return (ringChanged, cameUp, memberChanges)
    }
}
