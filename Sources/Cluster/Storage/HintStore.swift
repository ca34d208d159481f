/// A write kept by a stand-in for a node it stood in for (sloppy quorum), delivered later.
struct Hint {
    var target: NodeID
    var key: KeyID
    var object: ObjectRecord
    /// Raised on every merge, so an acknowledgement of an older version does not retire it.
    var version: UInt32
    /// When it was last sent (nil: never).
    var lastSent: Micros?
}

/// A node's hints (durable with its disk).
struct HintStore {
    var hints: [Hint] = []
    /// The last version given to a hint. Versions never repeat on a node: a hint made again for
    /// a target and key after the earlier one was retired (delivered to the node itself when the
    /// target was out, say) gets a higher version than the earlier one had, so a late
    /// acknowledgement of the earlier one (from a target that was paused) cannot retire it.
    var lastVersion: UInt32 = 0

    var isEmpty: Bool { hints.isEmpty }

    mutating func add(target: NodeID, key: KeyID, _ object: ObjectRecord, _ order: StampOrder) {
        if let i = hints.firstIndex(where: { $0.target == target && $0.key == key }) {
            let change = hints[i].object.merge(object, order)
            // The same data again after it was sent is sent again, as a new version: it came back
            // by way of other nodes (views that do not agree yet pass data around), so the
            // acknowledgement of the earlier delivery, perhaps still on its way, no longer says
            // that the target holds it.
            if change.any || hints[i].lastSent != nil {
                lastVersion &+= 1
                hints[i].version = lastVersion
                hints[i].lastSent = nil
            }
        } else {
            var fresh = ObjectRecord()
            _ = fresh.merge(object, order)
            lastVersion &+= 1
            hints.append(Hint(target: target, key: key, object: fresh, version: lastVersion, lastSent: nil))
        }
    }

    /// Retires the hint when the acknowledged version is its current one.
    mutating func acknowledge(target: NodeID, key: KeyID, version: UInt32) {
        if let i = hints.firstIndex(where: { $0.target == target && $0.key == key && $0.version == version }) {
            hints.remove(at: i)
        }
    }

    /// The merged hinted data for `key` (all targets), for answering reads as a stand-in.
    func object(for key: KeyID, _ order: StampOrder) -> ObjectRecord? {
        var result: ObjectRecord?
        for h in hints where h.key == key {
            var r = result ?? ObjectRecord()
            _ = r.merge(h.object, order)
            result = r
        }
        return result
    }
}
