// Invariants of a membership view's rows (style of swift-collections' `Heap+Invariants.swift`:
// see CalendarQueue+Invariants.swift).
//
// When: a full check is O(nodes), and merges (every gossip message) mostly only raise
// heartbeats, so debug builds check after a mutating pass that changed `routingVersion` (a
// node learned, removed, marked down or up, excluded or let back in: rare next to heartbeats)
// and after `restartClocks`; the tests check after every step, and also check transitions
// (`transitionViolations`). Release builds check nothing.

extension MembershipView {
    /// Every invariant of the rows, as messages naming those broken (empty: none). O(nodes).
    /// With `me`, the view is that node's own, and its row is checked too.
    func invariantViolations(me: NodeID? = nil) -> [String] {
        var found: [String] = []
        var known = 0, members = 0
        for (i, s) in slots.enumerated() {
            let p = s.pulse
            guard p.known else {
                // Rows are never forgotten: an unknown row is one `grow` added, untouched.
                if s.grew != 0 || s.downAt != MemberEntry.notDown || s.vnodes != 0 {
                    found.append("row \(i): unknown but not blank (grew \(s.grew), downAt \(s.downAt), vnodes \(s.vnodes))")
                }
                continue
            }
            known += 1
            if p.isMember { members += 1 }
            // The pulse's bits agree with the row: down is `downAt >= 0`, up is -1 alone.
            if p.isDown != (s.downAt >= 0) {
                found.append("row \(i) pulse: down bit \(p.isDown) but downAt \(s.downAt)")
            }
            if s.downAt < MemberEntry.notDown {
                found.append("row \(i): downAt \(s.downAt) below -1")
            }
            // Exclusion is `down for at least rehash`: never without a down mark.
            if p.excluded && !p.isDown {
                found.append("row \(i) pulse: excluded but not down")
            }
            if p.beat < 0 {
                found.append("row \(i) pulse: heartbeat \(p.beat) negative")
            }
            if !(0...Simulation.maxVnodes).contains(Int(s.vnodes)) {
                found.append("row \(i): vnodes \(s.vnodes) outside 0...\(Simulation.maxVnodes)")
            }
        }
        // A node's own row: it beats for itself, so never held down or excluded by itself.
        if let me, me.raw >= 0, me.index < slots.count, slots[me.index].pulse.known {
            let p = slots[me.index].pulse
            if p.isDown || p.excluded {
                found.append("own row \(me): down \(p.isDown), excluded \(p.excluded)")
            }
        }
        // Versions: every member was counted in when it became one, and every membership change
        // (and every row learned) changed routing too.
        if membershipVersion < members {
            found.append("membershipVersion \(membershipVersion) below the \(members) members")
        }
        if routingVersion < membershipVersion {
            found.append("routingVersion \(routingVersion) below membershipVersion \(membershipVersion)")
        }
        if routingVersion < known {
            found.append("routingVersion \(routingVersion) below the \(known) rows known")
        }
        // The peer cache, while its version is current, is what the rows say.
        if let c = peerCache, c.version == routingVersion {
            let fresh = Self.peers(of: c.me, in: slots)
            if fresh.up != c.up || fresh.down != c.down {
                found.append("peer cache of \(c.me) at routingVersion \(c.version): up \(c.up) down \(c.down), rows say up \(fresh.up) down \(fresh.down)")
            }
        }
        return found
    }

    /// Traps (debug builds only) when an invariant is broken.
    func checkInvariants(me: NodeID? = nil) {
        #if DEBUG
        let found = invariantViolations(me: me)
        requireInvariants(found, of: "MembershipView")
        #endif
    }

    /// What the versions promise from one state of a view to a later one: the same
    /// `membershipVersion`, the same members; the same `routingVersion`, the same answer of
    /// `routing(_:)` for every node (what ring and placement caches rely on).
    static func transitionViolations(from old: MembershipView, to new: MembershipView) -> [String] {
        var found: [String] = []
        if new.membershipVersion < old.membershipVersion || new.routingVersion < old.routingVersion {
            found.append("versions went back: membership \(old.membershipVersion) -> \(new.membershipVersion), routing \(old.routingVersion) -> \(new.routingVersion)")
        }
        if new.membershipVersion == old.membershipVersion && new.members != old.members {
            found.append("members changed (\(old.members) -> \(new.members)) under membershipVersion \(new.membershipVersion)")
        }
        if new.routingVersion == old.routingVersion {
            for i in 0..<max(old.slots.count, new.slots.count) {
                let a = old.routing(NodeID(i)), b = new.routing(NodeID(i))
                if a?.eligible != b?.eligible || a?.up != b?.up {
                    found.append("routing of \(i) changed (\(String(describing: a)) -> \(String(describing: b))) under routingVersion \(new.routingVersion)")
                }
            }
        }
        return found
    }

    #if DEBUG
    /// Debug builds: the full check after a pass that changed routing (see the top of this file).
    /// Without `me`: a node's own row is the simulation's to keep (its beat), and the view's own
    /// tests set it freely.
    func checkedPass(routingBefore: Int) {
        if routingVersion != routingBefore { checkInvariants() }
    }
    #endif
}
