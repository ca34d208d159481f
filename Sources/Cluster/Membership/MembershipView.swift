/// A node's membership view: what it believes about every node it has heard of, indexed by node
/// index. Each node routes by its own view; the ground truth never leaks in.
///
/// Every gossip message is merged against the whole view, so the view is one flat array of
/// 32-byte records walked in node order, with no optionals and no per-entry copies.
struct MembershipView {
    /// What this node holds about the node of the same index; `known` false for one not heard of.
    private struct Slot {
        var beat: Int64 = 0
        var downAt: Int64 = -1
        var lastGrew: Micros = 0
        var vnodes: Int32 = 0
        var known = false
        var removed = false
        var excluded = false

        var isDown: Bool { downAt >= 0 }
        var isUp: Bool { known && !removed && downAt < 0 }
        var isMember: Bool { known && !removed }

        func entry(_ node: Int) -> MemberEntry {
            MemberEntry(node: Int32(node), beat: beat, downAt: downAt, removed: removed, vnodes: vnodes)
        }
    }

    private var slots: [Slot] = []
    /// Bumped whenever the set of ring members changes (a node learned, or removed).
    private(set) var membershipVersion = 0

    subscript(node: Int32) -> ViewEntry? {
        guard node >= 0, Int(node) < slots.count, slots[Int(node)].known else { return nil }
        let s = slots[Int(node)]
        return ViewEntry(entry: s.entry(Int(node)), lastGrew: s.lastGrew, excluded: s.excluded)
    }

    func isUp(_ node: Int32) -> Bool { node >= 0 && Int(node) < slots.count && slots[Int(node)].isUp }

    /// Known, not removed: on the ring.
    func isMember(_ node: Int32) -> Bool { node >= 0 && Int(node) < slots.count && slots[Int(node)].isMember }

    /// Members (known, not removed), ascending.
    var members: [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(slots.count)
        for i in slots.indices where slots[i].isMember { result.append(Int32(i)) }
        return result
    }

    /// Every known entry, ascending: what a gossip message carries.
    var entries: [MemberEntry] {
        var result: [MemberEntry] = []
        result.reserveCapacity(slots.count)
        for i in slots.indices where slots[i].known { result.append(slots[i].entry(i)) }
        return result
    }

    /// Members other than `me`, ascending, split into those held up and those held down.
    func peers(of me: Int32) -> (up: [Int32], down: [Int32]) {
        var up: [Int32] = [], down: [Int32] = []
        up.reserveCapacity(slots.count)
        for i in slots.indices where slots[i].isMember && i != Int(me) {
            if slots[i].isDown { down.append(Int32(i)) } else { up.append(Int32(i)) }
        }
        return (up, down)
    }

    mutating func set(_ entry: ViewEntry) {
        let i = Int(entry.entry.node)
        grow(to: i + 1)
        let wasMember = slots[i].isMember
        let e = entry.entry
        slots[i] = Slot(beat: e.beat, downAt: e.downAt, lastGrew: entry.lastGrew, vnodes: e.vnodes, known: true,
                        removed: e.removed, excluded: entry.excluded)
        if wasMember != !e.removed { membershipVersion += 1 }
    }

    mutating func update(_ node: Int32, _ body: (inout ViewEntry) -> Void) {
        guard var e = self[node] else { return }
        body(&e)
        set(e)
    }

    private mutating func grow(to count: Int) {
        if slots.count < count { slots.append(contentsOf: repeatElement(Slot(), count: count - slots.count)) }
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
        var highest: Int32 = -1
        for e in incoming { highest = max(highest, e.node) }
        grow(to: Int(highest) + 1)
        var membershipChanges = 0
        slots.withUnsafeMutableBufferPointer { slots in
            for e in incoming where e.node != me {
                let i = Int(e.node)
                var local = slots[i]
                guard local.known else {
                    let excluded = e.isDown && now >= e.downAt &+ rehash
                    slots[i] = Slot(beat: e.beat, downAt: e.downAt, lastGrew: now, vnodes: e.vnodes, known: true,
                                    removed: e.removed, excluded: excluded)
                    if !e.removed { membershipChanges += 1 }
                    fx.ringChanged = true
                    continue
                }
                if local.removed { continue }
                let wasUp = local.isUp, wasExcluded = local.excluded
                if e.removed {
                    local.removed = true
                    membershipChanges += 1
                } else if e.beat > local.beat {
                    local.beat = e.beat
                    local.downAt = e.downAt
                    local.lastGrew = now
                } else if e.beat == local.beat && e.isDown {
                    local.downAt = local.isDown ? min(local.downAt, e.downAt) : e.downAt
                } else {
                    continue
                }
                local.excluded = local.isDown && now >= local.downAt &+ rehash
                slots[i] = local
                if local.removed || local.excluded != wasExcluded { fx.ringChanged = true }
                if !wasUp && local.isUp { fx.cameUp.append(e.node) }
            }
        }
        membershipVersion += membershipChanges
        return fx
    }

    /// The entries this view knows newer than `incoming` (or that `incoming` lacks).
    /// Gossip lists entries in ascending node order (as `entries` builds them), so this is one
    /// merge-walk over both lists, with no table.
    func newer(than incoming: [MemberEntry]) -> [MemberEntry] {
        var result: [MemberEntry] = []
        result.reserveCapacity(slots.count)
        var sorted = true
        slots.withUnsafeBufferPointer { slots in
            incoming.withUnsafeBufferPointer { incoming in
                var j = 0
                var previous: Int32 = -1
                for i in slots.indices where slots[i].known {
                    let m = slots[i]
                    let node = Int32(i)
                    while j < incoming.count && incoming[j].node < node {
                        if incoming[j].node < previous {
                            sorted = false
                            return
                        }
                        previous = incoming[j].node
                        j += 1
                    }
                    guard j < incoming.count, incoming[j].node == node else {
                        result.append(m.entry(i))
                        continue
                    }
                    let t = incoming[j]
                    if t.removed { continue }
                    if m.removed || m.beat > t.beat || (m.beat == t.beat && m.isDown && (!t.isDown || m.downAt < t.downAt)) {
                        result.append(m.entry(i))
                    }
                }
            }
        }
        return sorted ? result : entries  // not sorted: send everything
    }

    /// Failure detection and rehash exclusion at a node's tick: a node silent for `suspect` is held
    /// down from when its heartbeat last grew. Returns whether any node's exclusion changed.
    mutating func detect(me: Int32, now: Micros, suspect: Micros, rehash: Micros) -> Bool {
        var changed = false
        slots.withUnsafeMutableBufferPointer { slots in
            for i in slots.indices where slots[i].isMember && i != Int(me) {
                if !slots[i].isDown && now &- slots[i].lastGrew >= suspect {
                    slots[i].downAt = slots[i].lastGrew
                }
                let excluded = slots[i].isDown && now >= slots[i].downAt &+ rehash
                if excluded != slots[i].excluded { changed = true }
                slots[i].excluded = excluded
            }
        }
        return changed
    }

    /// After a pause or restart: silence is measured only while running, so every peer starts
    /// afresh as heard-from now (gossip corrects what changed meanwhile).
    mutating func restartClocks(me: Int32, now: Micros, resetStatus: Bool) {
        for i in slots.indices where slots[i].known && i != Int(me) {
            slots[i].lastGrew = now
            if resetStatus && !slots[i].removed {
                slots[i].downAt = -1
                slots[i].excluded = false
            }
        }
    }
}
