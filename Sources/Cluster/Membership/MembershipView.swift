/// A node's membership view: what it believes about every node it has heard of, indexed by node
/// index. Each node routes by its own view; the ground truth never leaks in.
///
/// Every gossip message is merged against the whole view, so the view is one flat array of
/// 32-byte rows by node index, and most of a merge reads one word of a row: its pulse (heartbeat
/// and flags). An entry that brings a newer heartbeat of a node up writes that word and the time
/// it grew; only rarer changes (down marks, removals, new nodes) read the rest.
struct MembershipView {
    /// Heartbeat and flags of one node, in one word: `beat << 3 | excluded << 2 | removed << 1 |
    /// down`, or `unknown`. `down` is `downAt >= 0`; a node up has `downAt` -1 (nothing writes
    /// another negative), so news of a node up rewrites the pulse and `grew` alone.
    // Internal (not fileprivate), as the rows below: read by MembershipView+Invariants.swift.
    struct Pulse {
        var raw: Int64
        static let unknown = Pulse(raw: .min)

        init(raw: Int64) { self.raw = raw }

        init(beat: Int64, down: Bool, removed: Bool, excluded: Bool) {
            raw = beat &<< 3 | (excluded ? 4 : 0) | (removed ? 2 : 0) | (down ? 1 : 0)
        }

        var known: Bool { raw != .min }
        var beat: Int64 { raw >> 3 }
        var isDown: Bool { raw & 1 != 0 }
        var removed: Bool { raw & 2 != 0 }
        var excluded: Bool { raw & 4 != 0 }
        /// Known, not removed: on the ring.
        var isMember: Bool { known && raw & 2 == 0 }
        /// Known, not removed, not down, not excluded.
        var isPlainUp: Bool { raw & 7 == 0 && known }
    }

    /// One row per node index, the pulse first. One array, not one per field: routing copies
    /// views (`let view = node.view`), and each array is a retain and a release.
    /// Internal (not private): read by MembershipView+Invariants.swift, and corrupted by its tests.
    var slots: [Slot] = []

    struct Slot {
        var pulse = Pulse.unknown
        /// Local time the heartbeat last grew (silence is measured from here).
        var grew: Micros = 0
        /// When the node went down (-1 while up): `Pulse.isDown` is `downAt >= 0`.
        var downAt = MemberEntry.notDown
        var vnodes: Int32 = 0
    }

    /// Bumped whenever the set of ring members changes (a node learned, or removed).
    private(set) var membershipVersion = 0
    /// Bumped whenever a node becomes or stops being a member, is excluded or let back in, or
    /// goes down or comes up: whatever changes `routing(_:)` of any node, and so who holds which
    /// place in a preference list and where a request goes.
    private(set) var routingVersion = 0

    subscript(node: NodeID) -> ViewEntry? {
        guard node.raw >= 0, node.index < slots.count, slots[node.index].pulse.known else { return nil }
        let d = slots[node.index], p = d.pulse
        return ViewEntry(entry: MemberEntry(node: node, beat: p.beat, downAt: d.downAt, removed: p.removed, vnodes: d.vnodes),
                         lastGrew: d.grew, excluded: p.excluded)
    }

    /// How a node stands for routing, read from its pulse alone: nil when unknown; `eligible`
    /// when it holds its place in preference lists (not excluded), `up` when a request can go to it.
    @inline(__always)
    func routing(_ node: NodeID) -> (eligible: Bool, up: Bool)? {
        guard node.raw >= 0 && node.index < slots.count else { return nil }
        let p = slots[node.index].pulse
        guard p.known else { return nil }
        return (!p.excluded, p.isMember && !p.isDown)
    }

    @inline(__always)
    func isUp(_ node: NodeID) -> Bool {
        guard node.raw >= 0 && node.index < slots.count else { return false }
        let p = slots[node.index].pulse
        return p.isMember && !p.isDown
    }

    /// Whether this view has heard of `node` at all (in any state, removed included).
    func knows(_ node: NodeID) -> Bool {
        node.raw >= 0 && node.index < slots.count && slots[node.index].pulse.known
    }

    /// Known, not removed: on the ring.
    func isMember(_ node: NodeID) -> Bool {
        node.raw >= 0 && node.index < slots.count && slots[node.index].pulse.isMember
    }

    /// Members (known, not removed), ascending.
    var members: [NodeID] {
        var result: [NodeID] = []
        result.reserveCapacity(slots.count)
        for i in slots.indices where slots[i].pulse.isMember { result.append(NodeID(i)) }
        return result
    }

    /// What a gossip push carries: the sender's rows as they are (shared, not copied, until the
    /// sender's view next changes), read by node index. Only what gossip tells counts (heartbeat,
    /// down mark and time, removal, vnodes); the sender's local judgements in a row (when it last
    /// heard of the node, whether it excludes it) are ignored by the receiver.
    struct Snapshot {
        fileprivate let slots: [Slot]

        /// The known entries, ascending.
        var entries: [MemberEntry] {
            slots.indices.compactMap { i in
                let p = slots[i].pulse
                return p.known ? MemberEntry(node: NodeID(i), beat: p.beat, downAt: slots[i].downAt, removed: p.removed,
                                             vnodes: slots[i].vnodes) : nil
            }
        }
    }

    var snapshot: Snapshot { Snapshot(slots: slots) }

    /// The last answer of `peers(of:)`, kept while `routingVersion` stays the same: every
    /// gossip tick asks, and a view changes who is up or a member far less often. (Two arrays
    /// more for a copy of a view to retain; the hot paths read views in place.)
    private(set) var peerCache: (version: Int, me: NodeID, up: [NodeID], down: [NodeID])?

    /// Members other than `me`, ascending, split into those held up and those held down.
    mutating func peers(of me: NodeID) -> (up: [NodeID], down: [NodeID]) {
        if let c = peerCache, c.version == routingVersion, c.me == me { return (c.up, c.down) }
        let found = Self.peers(of: me, in: slots)
        peerCache = (routingVersion, me, found.up, found.down)
        return found
    }

    static func peers(of me: NodeID, in slots: [Slot]) -> (up: [NodeID], down: [NodeID]) {
        var down: [NodeID] = []
        let up = [NodeID](unsafeUninitializedCapacity: slots.count) { up, upCount in
            slots.withUnsafeBufferPointer { slots in
                for i in slots.indices where slots[i].pulse.isMember && i != me.index {
                    if slots[i].pulse.isDown {
                        down.append(NodeID(i))
                    } else {
                        up.initializeElement(at: upCount, to: NodeID(i))
                        upCount += 1
                    }
                }
            }
        }
        return (up, down)
    }

    mutating func set(_ entry: ViewEntry) {
        let i = entry.entry.node.index
        grow(to: i + 1)
        let wasMember = slots[i].pulse.isMember
        #if DEBUG
        let routingBefore = routingVersion
        defer { checkedPass(routingBefore: routingBefore) }
        #endif
        withRows { $0.store(entry, at: i) }
        if wasMember != !entry.entry.removed { membershipVersion += 1 }
    }

    mutating func update(_ node: NodeID, _ body: (inout ViewEntry) -> Void) {
        guard var e = self[node] else { return }
        body(&e)
        set(e)
    }

    /// What a gossip merge changed.
    struct MergeEffects {
        var ringChanged = false
        var cameUp: [NodeID] = []
    }

    /// Merges gossip (`incoming`) into this view of node `me` at local time `now`.
    /// Higher heartbeat wins (and carries its down mark); on equal heartbeats a down mark wins and
    /// the earliest down time is kept, so all observers agree on when a node went down.
    mutating func merge(_ incoming: [MemberEntry], me: NodeID, now: Micros, rehash: Micros) -> MergeEffects {
        var fx = MergeEffects()
        var highest = -1
        for e in incoming { highest = max(highest, e.node.index) }
        grow(to: highest + 1)
        #if DEBUG
        let routingBefore = routingVersion
        defer { checkedPass(routingBefore: routingBefore) }
        #endif
        var membershipChanges = 0
        withRows { c in
            for e in incoming where e.node != me {
                c.merge(e, now: now, rehash: rehash, into: &fx, membershipChanges: &membershipChanges)
            }
        }
        membershipVersion += membershipChanges
        return fx
    }

    /// A push answered (push-pull), in one walk over both views' rows: the reply lists the
    /// entries this view knows newer than the pushed ones (or that the push lacks), as they were
    /// before the push is merged in (`merge`'s rules). Most rows are decided by the two pulses
    /// alone (both plainly up: the higher heartbeat wins), with no entry built for them.
    mutating func exchange(_ incoming: Snapshot, me: NodeID, now: Micros, rehash: Micros)
        -> (reply: [MemberEntry], effects: MergeEffects) {
        var highest = incoming.slots.count - 1
        while highest >= 0 && !incoming.slots[highest].pulse.known { highest -= 1 }
        grow(to: highest + 1)
        #if DEBUG
        let routingBefore = routingVersion
        defer { checkedPass(routingBefore: routingBefore) }
        #endif
        var fx = MergeEffects()
        var membershipChanges = 0
        let reply = [MemberEntry](unsafeUninitializedCapacity: slots.count) { reply, replyCount in
            withRows { c in
                incoming.slots.withUnsafeBufferPointer { incoming in
                    for i in c.slots.indices {
                        let p = c.slots[i].pulse
                        let q = i < incoming.count ? incoming[i].pulse : Pulse.unknown
                        guard q.known else {
                            if p.known {
                                reply.initializeElement(at: replyCount, to: c.entry(i))
                                replyCount += 1
                            }
                            continue
                        }
                        // Most rows: both sides hold the node plainly up (the sender's exclusion
                        // bit is its own and implies down, so not down and not removed will do).
                        if p.isPlainUp && q.raw & 3 == 0 {
                            if q.beat < p.beat {
                                reply.initializeElement(at: replyCount, to: c.entry(i))
                                replyCount += 1
                            } else if q.beat > p.beat && i != me.index {
                                c.slots[i].pulse = Pulse(beat: q.beat, down: false, removed: false, excluded: false)
                                c.slots[i].grew = now
                            }
                            continue
                        }
                        let t = MemberEntry(node: NodeID(i), beat: q.beat, downAt: incoming[i].downAt, removed: q.removed,
                                            vnodes: incoming[i].vnodes)
                        if p.known && c.isNewer(i, than: t) {
                            reply.initializeElement(at: replyCount, to: c.entry(i))
                            replyCount += 1
                        }
                        if t.node != me {
                            c.merge(t, now: now, rehash: rehash, into: &fx, membershipChanges: &membershipChanges)
                        }
                    }
                }
            }
        }
        membershipVersion += membershipChanges
        return (reply, fx)
    }

    /// Failure detection and rehash exclusion at a node's tick: a node silent for `suspect` is held
    /// down from when its heartbeat last grew. Returns whether any node's exclusion changed.
    mutating func detect(me: NodeID, now: Micros, suspect: Micros, rehash: Micros) -> Bool {
        #if DEBUG
        let routingBefore = routingVersion
        defer { checkedPass(routingBefore: routingBefore) }
        #endif
        var changed = false
        withRows { c in
            for i in c.slots.indices where c.slots[i].pulse.isMember && i != me.index {
                let p = c.slots[i].pulse
                // Up and heard from within `suspect`: nothing changes.
                if !p.isDown && now &- c.slots[i].grew < suspect && !p.excluded { continue }
                var e = c.entry(at: i)!
                if !e.entry.isDown && now &- e.lastGrew >= suspect {
                    e.entry.downAt = e.lastGrew
                }
                let excluded = e.entry.isDown && now >= e.entry.downAt &+ rehash
                if excluded != e.excluded { changed = true }
                e.excluded = excluded
                c.store(e, at: i)
            }
        }
        return changed
    }

    /// After a pause or restart: silence is measured only while running, so every peer starts
    /// afresh as heard-from now (gossip corrects what changed meanwhile).
    mutating func restartClocks(me: NodeID, now: Micros, resetStatus: Bool) {
        #if DEBUG
        defer { checkInvariants() }
        #endif
        withRows { c in
            for i in c.slots.indices where c.slots[i].pulse.known && i != me.index {
                var e = c.entry(at: i)!
                e.lastGrew = now
                if resetStatus && !e.entry.removed {
                    e.entry.downAt = MemberEntry.notDown
                    e.excluded = false
                }
                c.store(e, at: i)
            }
        }
    }

    // MARK: Rows

    private mutating func grow(to count: Int) {
        let extra = count - slots.count
        guard extra > 0 else { return }
        slots.append(contentsOf: repeatElement(Slot(), count: extra))
    }

    /// The rows of one pass, without a uniqueness or bounds check per access.
    private struct Rows {
        let slots: UnsafeMutableBufferPointer<Slot>
        /// Stores in this pass that changed what `routing(_:)` answers (`routingVersion`).
        let routingChanges: UnsafeMutablePointer<Int>

        /// The gossip entry of a known node.
        func entry(_ i: Int) -> MemberEntry {
            MemberEntry(node: NodeID(i), beat: slots[i].pulse.beat, downAt: slots[i].downAt, removed: slots[i].pulse.removed,
                        vnodes: slots[i].vnodes)
        }

        func entry(at i: Int) -> ViewEntry? {
            slots[i].pulse.known ? ViewEntry(entry: entry(i), lastGrew: slots[i].grew, excluded: slots[i].pulse.excluded) : nil
        }

        /// Whether this view's entry of known node `i` is newer than `t`, an entry of the same node.
        @inline(__always)
        func isNewer(_ i: Int, than t: MemberEntry) -> Bool {
            let m = slots[i].pulse
            if t.removed { return false }
            // Not newer: a lower heartbeat, or the same without a down mark.
            if !m.removed && (m.beat < t.beat || (m.beat == t.beat && !m.isDown)) { return false }
            return m.removed || m.beat > t.beat || (m.beat == t.beat && m.isDown && (!t.isDown || slots[i].downAt < t.downAt))
        }

        /// Merges one gossip entry (see `MembershipView.merge`).
        @inline(__always)
        func merge(_ e: MemberEntry, now: Micros, rehash: Micros, into fx: inout MergeEffects,
                   membershipChanges: inout Int) {
            let i = e.node.index
            let p = slots[i].pulse
            if !e.removed && p.known {
                // Nothing new: removed here, a lower heartbeat, or the same without a down mark.
                if p.removed || e.beat < p.beat || (e.beat == p.beat && !e.isDown) { return }
                // The usual news: a higher heartbeat of a node up, still up.
                if e.beat > p.beat && e.downAt == MemberEntry.notDown && p.isPlainUp {
                    slots[i].pulse = Pulse(beat: e.beat, down: false, removed: false, excluded: false)
                    slots[i].grew = now
                    return
                }
            }
            guard var local = entry(at: i) else {
                let excluded = e.isDown && now >= e.downAt &+ rehash
                store(ViewEntry(entry: e, lastGrew: now, excluded: excluded), at: i)
                if !e.removed { membershipChanges += 1 }
                fx.ringChanged = true
                return
            }
            if local.entry.removed { return }
            let wasUp = local.isUp, wasExcluded = local.excluded
            if e.removed {
                local.entry.removed = true
                membershipChanges += 1
            } else if e.beat > local.entry.beat {
                local.entry.beat = e.beat
                local.entry.downAt = e.downAt
                local.lastGrew = now
            } else if e.beat == local.entry.beat && e.isDown {
                local.entry.downAt = local.entry.isDown ? min(local.entry.downAt, e.downAt) : e.downAt
            } else {
                return
            }
            local.excluded = local.entry.isDown && now >= local.entry.downAt &+ rehash
            store(local, at: i)
            if local.entry.removed || local.excluded != wasExcluded { fx.ringChanged = true }
            if !wasUp && local.isUp { fx.cameUp.append(e.node) }
        }

        func store(_ v: ViewEntry, at i: Int) {
            let e = v.entry
            let old = slots[i].pulse
            let new = Pulse(beat: e.beat, down: e.isDown, removed: e.removed, excluded: v.excluded)
            slots[i] = Slot(pulse: new, grew: v.lastGrew, downAt: e.downAt, vnodes: e.vnodes)
            if old.known != new.known || old.isMember != new.isMember || old.excluded != new.excluded
                || old.isDown != new.isDown {
                routingChanges.pointee += 1
            }
        }
    }

    /// The rows of a pass that writes. The fast paths that write a pulse directly only ever
    /// turn a node plainly up into a node plainly up, so `store` sees every placement change.
    private mutating func withRows<R>(_ body: (Rows) -> R) -> R {
        var changes = 0
        let result = withUnsafeMutablePointer(to: &changes) { changes in
            slots.withUnsafeMutableBufferPointer { body(Rows(slots: $0, routingChanges: changes)) }
        }
        routingVersion &+= changes
        return result
    }
}
