/// Where a key lives, by a node's own view (routing) or by the ground truth (`owners`).
extension Simulation {
    /// Where a coordinator sends a key's request: the first `replicas` nodes clockwise that its
    /// view holds up; `hintFor[i]` names the preference-list node target i stands in for (-1: none).
    struct Placement: Equatable {
        var preference: [Int32] = []
        var targets: [Int32] = []
        /// Empty when no target stands in for another (the common case: no allocation).
        var hintFor: [Int32] = []

        func hint(at i: Int) -> Int32 { hintFor.isEmpty ? -1 : hintFor[i] }
    }

    /// Where a key falls on a node's ring: its position and range (-1 on an empty ring), found
    /// once for the several questions a write asks of it. Plain values, no copy of the ring (so
    /// nothing to retain and release per write): the ring is named by its storage (`Ring.Identity`).
    struct KeyPlace {
        var position: UInt64
        var range: Int
        var rangeCount: Int
        var ring: Ring.Identity
    }

    /// Brings the node's ring up to date, then places the key on it. The ring is read where it
    /// is held (`node.ring`), not returned: a copy of a ring is a retain and a release of each of
    /// its arrays, and every request and replica write places its key.
    func place(_ node: Node, _ key: UInt32) -> KeyPlace {
        updateRing(node)
        return node.ring.place(position(of: key))
    }

    /// What a node's answers per range (`RangeMemo`) at `place` depend on.
    @inline(__always)
    func memoBasis(_ node: Node, _ place: KeyPlace) -> RangeMemoBasis {
        .init(rangeCount: place.rangeCount, ringVersion: node.ringVersion,
              routingVersion: node.view.routingVersion, replicas: settings.replicas)
    }

    func ring(of node: Node) -> Ring {
        updateRing(node)
        return node.ring
    }

    /// Rebuilds the node's ring if its view's members changed since it was built.
    func updateRing(_ node: Node) {
        if node.ringVersion != node.view.membershipVersion || node.ring.isEmpty {
            let members = node.view.members.filter { Int($0) < nodes.count }
            if members != node.ringMembers || node.ring.isEmpty {
                node.ring = rings.ring(of: members, previous: (node.ringMembers, node.ring)) { self.nodes[Int($0)].tokens }
                node.ringMembers = members
            }
            node.ringVersion = node.view.membershipVersion
        }
    }

    /// The key's preference list in `node`'s view: first `replicas` members not excluded.
    func preference(_ node: Node, _ key: UInt32) -> [Int32] {
        ring(of: node).preferenceList(from: position(of: key), count: settings.replicas) { n in
            node.view.routing(n)?.eligible ?? false
        }
    }

    /// The preference list of every key of `range` of `ring` (the node's), in `node`'s view.
    func preference(_ node: Node, _ ring: Ring, range: Int) -> [Int32] {
        ring.preferenceList(ofRange: range, count: settings.replicas) { n in
            node.view.routing(n)?.eligible ?? false
        }
    }

    /// Runs for every request: kept per range of the node's ring (`RangeMemo`).
    func placement(_ node: Node, _ key: UInt32) -> Placement {
        let place = place(node, key)
        if place.range >= 0, let known = node.placements.lookup(range: place.range, basis: memoBasis(node, place)) {
            return known
        }
        let walked = placementWalk(node, node.ring, from: place.position)  // `place` brought it up to date
        if place.range >= 0 { node.placements.record(walked, range: place.range) }
        return walked
    }

    /// The placement worked out by a walk of `ring` from `position`. While every node walked is
    /// up and not excluded (the lists are the same) it builds one array, shared by `preference`
    /// and `targets`.
    func placementWalk(_ node: Node, _ ring: Ring, from position: UInt64) -> Placement {
        var p = Placement()
        let n = settings.replicas
        var diverged = false
        var preferenceCount = 0
        p.targets.reserveCapacity(n)
        ring.walk(from: position) { candidate in
            guard let e = node.view.routing(candidate) else { return true }
            let inPreference = preferenceCount < n && e.eligible
            let inTargets = p.targets.count < n && e.up
            if !diverged && inPreference == inTargets {
                if inPreference {
                    p.targets.append(candidate)
                    preferenceCount += 1
                }
            } else {
                if !diverged {
                    diverged = true
                    p.preference = p.targets
                }
                if inPreference {
                    p.preference.append(candidate)
                    preferenceCount += 1
                }
                if inTargets { p.targets.append(candidate) }
            }
            return preferenceCount < n || p.targets.count < n
        }
        guard diverged else {
            p.preference = p.targets
            return p
        }
        var skipped = p.preference.filter { !node.view.isUp($0) }
        if !skipped.isEmpty {
            p.hintFor = p.targets.map { t in
                if p.preference.contains(t) || skipped.isEmpty { return -1 }
                return skipped.removeFirst()
            }
        }
        return p
    }

    // MARK: Ground truth

    func groundTruthRing() -> Ring {
        updateTruthRing()
        return truthRing
    }

    func updateTruthRing() {
        if truthRingDirty {
            truthRing = Ring(members: members.map { ($0.index, $0.tokens) })
            truthRingDirty = false
        }
    }

    /// Whether the node has been down (killed or paused) for at least `rehash`.
    func isOutForRehash(_ node: Node) -> Bool {
        guard node.state != .running, let since = node.downSince else { return false }
        return now &- since >= settings.rehash
    }

    /// The key's preference list (docs/language.md): first `replicas` nodes clockwise, skipping nodes
    /// down for at least `rehash`.
    func owners(_ key: UInt32) -> [Int32] {
        groundTruthRing().preferenceList(from: position(of: key), count: settings.replicas) { n in
            !isOutForRehash(nodes[Int(n)])
        }
    }

    /// The client's choice of coordinator: the first running node of the preference list, then
    /// of the nodes after it clockwise; a node leaving (`beginRemove`) only when no other runs.
    /// One walk does it all: a running node is never out for `rehash`, so the first running
    /// node clockwise, if within the preference list's span, is on the list.
    func defaultCoordinator(for key: UInt32) -> Int32? {
        var found: Int32?
        var fallback: Int32?
        updateTruthRing()
        let position = position(of: key)
        // Walked where it is held: `truthRing.walk` with a closure that reads `self` would walk a
        // copy (a retain and a release of each of its arrays, on every request).
        withUnsafePointer(to: &truthRing) { ring in
            ring.pointee.walk(from: position) { n in
                guard nodes[Int(n)].state == .running else { return true }
                if leaving.isEmpty || leaving[n] == nil { found = n; return false }
                if fallback == nil { fallback = n }
                return true
            }
        }
        return found ?? fallback
    }
}

extension Ring {
    /// Where `position` falls on this ring.
    func place(_ position: UInt64) -> Simulation.KeyPlace {
        .init(position: position, range: isEmpty ? -1 : range(of: position), rangeCount: rangeCount, ring: identity)
    }
}
