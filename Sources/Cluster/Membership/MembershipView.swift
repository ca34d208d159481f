/// A node's membership view: what it believes about every node it has heard of, indexed by node
/// index. Each node routes by its own view; the ground truth never leaks in.
struct MembershipView {
    private(set) var slots: [ViewEntry?] = []
    /// Bumped whenever the set of ring members changes (a node learned, or removed).
    private(set) var membershipVersion = 0

    subscript(node: Int32) -> ViewEntry? {
        Int(node) < slots.count && node >= 0 ? slots[Int(node)] : nil
    }

    func isUp(_ node: Int32) -> Bool { self[node]?.isUp ?? false }

    /// Known, not removed: on the ring.
    func isMember(_ node: Int32) -> Bool {
        guard let e = self[node] else { return false }
        return !e.entry.removed
    }

    /// Members (known, not removed), ascending.
    var members: [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(slots.count)
        for case let e? in slots where !e.entry.removed { result.append(e.entry.node) }
        return result
    }

    var entries: [MemberEntry] {
        var result: [MemberEntry] = []
        result.reserveCapacity(slots.count)
        for case let e? in slots { result.append(e.entry) }
        return result
    }

    mutating func set(_ entry: ViewEntry) {
        let i = Int(entry.entry.node)
        while slots.count <= i { slots.append(nil) }
        let wasMember = slots[i].map { !$0.entry.removed } ?? false
        slots[i] = entry
        if wasMember != !entry.entry.removed { membershipVersion += 1 }
    }

    mutating func update(_ node: Int32, _ body: (inout ViewEntry) -> Void) {
        guard var e = self[node] else { return }
        body(&e)
        set(e)
    }

    /// What a gossip merge changed.
    struct MergeEffects {
        var ringChanged = false
        var cameUp: [Int32] = []
    }

    /// Merges gossip (`incoming`) into this view of node `me` at local time `now`.
    /// Higher heartbeat wins (and carries its down mark); on equal heartbeats a down mark wins and
    /// the earliest down time is kept, so all observers agree on when a node went down.
    mutating func merge(_ incoming: [MemberEntry], me: Int32, now: Micros, rehash: Micros) -> MergeEffects {
        var fx = MergeEffects()
        for e in incoming where e.node != me {
            guard var local = self[e.node] else {
                let excluded = e.isDown && now >= e.downAt &+ rehash
                set(ViewEntry(entry: e, lastGrew: now, excluded: excluded))
                fx.ringChanged = true
                continue
            }
            if local.entry.removed { continue }
            let wasUp = local.isUp, wasExcluded = local.excluded
            if e.removed {
                local.entry.removed = true
            } else if e.beat > local.entry.beat {
                local.entry.beat = e.beat
                local.entry.downAt = e.downAt
                local.lastGrew = now
            } else if e.beat == local.entry.beat && e.isDown {
                local.entry.downAt = local.entry.isDown ? min(local.entry.downAt, e.downAt) : e.downAt
            } else {
                continue
            }
            local.excluded = local.entry.isDown && now >= local.entry.downAt &+ rehash
            set(local)
            if local.entry.removed || local.excluded != wasExcluded { fx.ringChanged = true }
            if !wasUp && local.isUp { fx.cameUp.append(e.node) }
        }
        return fx
    }

    /// The entries this view knows newer than `incoming` (or that `incoming` lacks).
    /// Gossip lists entries in ascending node order (as `entries` builds them), so this is one
    /// merge-walk over both lists, with no table.
    func newer(than incoming: [MemberEntry]) -> [MemberEntry] {
        var result: [MemberEntry] = []
        var j = 0
        var previous: Int32 = -1
        for case let mine? in slots {
            let m = mine.entry
            while j < incoming.count && incoming[j].node < m.node {
                if incoming[j].node < previous { return entries }  // not sorted: send everything
                previous = incoming[j].node
                j += 1
            }
            guard j < incoming.count, incoming[j].node == m.node else { result.append(m); continue }
            let t = incoming[j]
            if t.removed { continue }
            if m.removed || m.beat > t.beat || (m.beat == t.beat && m.isDown && (!t.isDown || m.downAt < t.downAt)) {
                result.append(m)
            }
        }
        return result
    }

    /// Failure detection and rehash exclusion at a node's tick: a node silent for `suspect` is held
    /// down from when its heartbeat last grew. Returns whether any node's exclusion changed.
    mutating func detect(me: Int32, now: Micros, suspect: Micros, rehash: Micros) -> Bool {
        var changed = false
        for i in slots.indices {
            guard var e = slots[i], e.entry.node != me, !e.entry.removed else { continue }
            if !e.entry.isDown && now &- e.lastGrew >= suspect {
                e.entry.downAt = e.lastGrew
            }
            let excluded = e.entry.isDown && now >= e.entry.downAt &+ rehash
            if excluded != e.excluded { changed = true }
            e.excluded = excluded
            slots[i] = e
        }
        return changed
    }

    /// After a pause or restart: silence is measured only while running, so every peer starts
    /// afresh as heard-from now (gossip corrects what changed meanwhile).
    mutating func restartClocks(me: Int32, now: Micros, resetStatus: Bool) {
        for i in slots.indices {
            guard var e = slots[i], e.entry.node != me else { continue }
            e.lastGrew = now
            if resetStatus && !e.entry.removed {
                e.entry.downAt = -1
                e.excluded = false
            }
            slots[i] = e
        }
    }
}
