/// What a disk held when it was lost: wiped (`kill NODE wipe`), or taken out of the cluster with
/// its node when the node was dropped without having handed its data off (a `remove` that gave
/// up after 60s, a leaving node killed or paused, a killed or paused node removed).
///
/// `check` reads it to set keys aside from guarantee 3 only where the disk really took data with
/// it: a version it held that the converged data neither holds nor supersedes. Data it held that
/// survives elsewhere sets nothing aside. Recorded only when a disk is lost, never on a write:
/// `Store` and `HintStore` share their storage until changed, so keeping them costs little.
struct LostDisk {
    enum Cause { case wiped, dropped }

    var node: String
    var cause: Cause
    var store: Store
    var hints: HintStore

    /// The disk's data of `key` (its store and its hints merged), stream registrations aside.
    func data(of key: KeyID, _ order: StampOrder) -> ObjectRecord? {
        var found: ObjectRecord?
        if let stored = store[key] { found = ObjectRecord(tomb: stored.tomb, fields: stored.fields) }
        if let hinted = hints.object(for: key, order) {
            var merged = found ?? ObjectRecord()
            _ = merged.merge(ObjectRecord(tomb: hinted.tomb, fields: hinted.fields), order)
            found = merged
        }
        return found
    }

    /// "n1's wiped disk", "n1's disk (dropped from the cluster)".
    var description: String {
        switch cause {
        case .wiped: "\(node)'s wiped disk"
        case .dropped: "\(node)'s disk (dropped from the cluster)"
        }
    }
}

extension Simulation {
    /// Keeps what `node`'s disk holds as it is lost (before a wipe clears it).
    func recordLostDisk(_ node: Node, _ cause: LostDisk.Cause) {
        guard !node.store.isEmpty || !node.hints.isEmpty else { return }
        lostDisks.append(LostDisk(node: node.name, cause: cause, store: node.store, hints: node.hints))
    }

    /// The first lost disk (in the order they were lost) that held a version of one of `fields`
    /// of `key` (the field's own, or the object tombstone) that `survivor` neither holds nor
    /// supersedes: the key lost that write with the disk. nil when every such version survives.
    func diskThatLost(_ key: KeyID, fields: [FieldID], survivor: ObjectRecord) -> LostDisk? {
        lostDisks.first { disk in
            guard let held = disk.data(of: key, order) else { return false }
            return zip(effectiveStamps(survivor, fields), effectiveStamps(held, fields)).contains { order.less($0, $1) }
        }
    }

    /// The first lost disk that held `field` of `key` (nil: the object tombstone) at `stamp` or
    /// above: where an acknowledged write that is lost was last seen.
    func diskThatHeld(_ key: KeyID, field: FieldID?, at stamp: Stamp) -> LostDisk? {
        lostDisks.first { disk in
            guard let held = disk.data(of: key, order) else { return false }
            let version = field.map { effectiveStamps(held, [$0])[0] } ?? held.tomb
            return !order.less(version, stamp)
        }
    }
}
