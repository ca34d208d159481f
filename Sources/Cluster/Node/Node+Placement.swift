/// Where a key lives by a node's own view: its ring, preference lists and request routing.
extension NodeContext {
    /// Brings the node's ring up to date, then places the key on it. The ring is read where it
    /// is held (`node.ring`), not returned: a copy of a ring is a retain and a release of each of
    /// its arrays, and every request and replica write places its key.
    func place(_ key: KeyID) -> KeyPlace {
        updateRing()
        return node.ring.place(position(of: key))
    }

    /// What a node's answers per range (`RangeMemo`) at `place` depend on.
    @inline(__always)
    func memoBasis(_ place: KeyPlace) -> RangeMemoBasis {
        .init(rangeCount: place.rangeCount, ringVersion: node.ringVersion,
              routingVersion: node.view.routingVersion, replicas: settings.replicas)
    }

    func currentRing() -> Ring {
        updateRing()
        return node.ring
    }

    /// Rebuilds the node's ring if its view's members changed since it was built.
    func updateRing() {
        if node.ringVersion != node.view.membershipVersion || node.ring.isEmpty {
            let members = node.view.members
            if members != node.ringMembers || node.ring.isEmpty {
                node.ring = host.ring(of: members, previous: (node.ringMembers, node.ring))
                node.ringMembers = members
            }
            node.ringVersion = node.view.membershipVersion
        }
    }

    /// The key's preference list in `node`'s view: first `replicas` members not excluded.
    func preference(_ key: KeyID) -> [NodeID] {
        currentRing().preferenceList(from: position(of: key), count: settings.replicas) { n in
            node.view.routing(n)?.eligible ?? false
        }
    }

    /// The preference list of every key of `range` of `ring` (the node's), in `node`'s view.
    func preference(_ ring: Ring, range: Int) -> [NodeID] {
        ring.preferenceList(ofRange: range, count: settings.replicas) { n in
            node.view.routing(n)?.eligible ?? false
        }
    }

    /// Runs for every request: kept per range of the node's ring (`RangeMemo`).
    func placement(_ key: KeyID) -> Placement {
        let place = place(key)
        if place.isOnRing, let known = node.placements.lookup(range: place.range, basis: memoBasis(place)) {
            return known
        }
        let walked = placementWalk(node.ring, from: place.position)  // `place` brought it up to date
        if place.isOnRing { node.placements.record(walked, range: place.range) }
        return walked
    }

    /// The placement worked out by a walk of `ring` from `position`. While every node walked is
    /// up and not excluded (the lists are the same) it builds one array, shared by `preference`
    /// and `targets`.
    func placementWalk(_ ring: Ring, from position: UInt64) -> Placement {
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
                if p.preference.contains(t) || skipped.isEmpty { return nil }
                return skipped.removeFirst()
            }
        }
        return p
    }
}

extension Ring {
    /// Where `position` falls on this ring.
    func place(_ position: UInt64) -> KeyPlace {
        .init(position: position, range: isEmpty ? KeyPlace.noRange : range(of: position), rangeCount: rangeCount, ring: identity)
    }
}
