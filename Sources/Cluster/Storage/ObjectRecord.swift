/// What one replica holds for one key: fields (sorted by field id), an object tombstone stamp
/// hiding fields with lower stamps, and the key's stream registrations (sorted by stream).
/// `merge` is a join (commutative, associative, idempotent), so replicas that exchanged
/// everything hold equal records.
struct ObjectRecord: Equatable {
    var tomb: Stamp = .zero
    var fields: [FieldRecord] = []
    var registrations: [Registration] = []

    var isEmpty: Bool { tomb.isZero && fields.isEmpty && registrations.isEmpty }

    /// Whether `record` is visible: not a field tombstone and newer than the object tombstone.
    func isVisible(_ record: FieldRecord, _ order: StampOrder) -> Bool {
        !record.isTombstone && order.less(tomb, record.stamp)
    }

    /// Whether any field is visible (an object with every field deleted reads as absent).
    func exists(_ order: StampOrder) -> Bool { fields.contains { isVisible($0, order) } }

    func record(of field: FieldID) -> FieldRecord? {
        for r in fields where r.field == field { return r }
        return nil
    }

    /// The visible value id of `field`, or nil.
    func visibleValue(_ field: FieldID, _ order: StampOrder) -> ValueID? {
        guard let r = record(of: field), isVisible(r, order) else { return nil }
        return r.value
    }

    /// Highest stamp time held (feeds the coordinator's hybrid logical clock).
    var maxStampTime: Int64 {
        var t = tomb.time
        for f in fields where f.stamp.time > t { t = f.stamp.time }
        return t
    }

    /// Sets (or raises) a field to `record` when its stamp is higher; keeps fields sorted.
    @discardableResult
    mutating func apply(_ incoming: FieldRecord, _ order: StampOrder) -> Bool {
        // Fields usually come in id order (names are interned in the order first written): a new
        // last field is appended with no search.
        if fields.isEmpty || fields[fields.count - 1].field < incoming.field {
            fields.append(incoming)
            return true
        }
        var lo = 0, hi = fields.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if fields[mid].field < incoming.field { lo = mid + 1 } else { hi = mid }
        }
        if lo < fields.count && fields[lo].field == incoming.field {
            if order.less(fields[lo].stamp, incoming.stamp) {
                fields[lo] = incoming
                return true
            }
            return false
        }
        fields.insert(incoming, at: lo)
        return true
    }

    /// Merges `other` in; says what changed (for stream reports).
    /// Which fields changed is listed only when registrations are involved (streams need it).
    mutating func merge(_ other: ObjectRecord, _ order: StampOrder) -> MergeChange {
        var change = MergeChange()
        let listFields = !registrations.isEmpty || !other.registrations.isEmpty
        if isEmpty && !listFields {
            // A new key (the common case of a write): take the incoming record whole, sharing
            // its storage instead of building a copy field by field.
            self = other
            change.tomb = !tomb.isZero
            change.fieldsChanged = !fields.isEmpty
            return change
        }
        if order.less(tomb, other.tomb) {
            tomb = other.tomb
            change.tomb = true
        }
        for f in other.fields where apply(f, order) {
            change.fieldsChanged = true
            if listFields { change.fields.append(f.field) }
        }
        for reg in other.registrations {
            if let i = registrations.firstIndex(where: { $0.stream == reg.stream }) {
                if reg.closed && !registrations[i].closed {
                    registrations[i].closed = true
                    change.registrationsChanged = true
                }
                if reg.epoch > registrations[i].epoch {
                    registrations[i].epoch = reg.epoch
                    change.registrationsChanged = true
                    if !registrations[i].closed { change.newRegistrations.append(reg.stream) }
                }
            } else {
                let at = registrations.firstIndex { $0.stream > reg.stream } ?? registrations.count
                registrations.insert(reg, at: at)
                change.registrationsChanged = true
                if !reg.closed { change.newRegistrations.append(reg.stream) }
            }
        }
        return change
    }

    /// Whether merging this record into `other` would change nothing (`other` holds all of it).
    func isCovered(by other: ObjectRecord, _ order: StampOrder) -> Bool {
        var copy = other
        return !copy.merge(self, order).any
    }

    /// The part a stream sees: the tombstone and the selected fields' records (no registrations).
    func restricted(to selection: [FieldID]) -> ObjectRecord {
        var r = ObjectRecord(tomb: tomb)
        for f in fields where selection.contains(f.field) { r.fields.append(f) }
        return r
    }

    /// A stable 64-bit digest of the canonical contents, for anti-entropy and read repair, which
    /// only ever compare digests for equality. Word by word (each word mixed in with SplitMix64's
    /// finaliser), not byte by byte: every replica's write of a key is digested, and a byte-wise
    /// FNV-1a of a three-field object cost about 450 instructions.
    var digest: UInt64 {
        var h = WordDigest()
        h.add(UInt64(bitPattern: tomb.time)); h.add(UInt64(tomb.origin))
        for f in fields {
            h.add(UInt64(f.field.raw) | UInt64(f.value.raw) << 32)
            h.add(UInt64(bitPattern: f.stamp.time)); h.add(UInt64(f.stamp.origin))
        }
        for r in registrations {
            h.add(UInt64(r.stream.raw) | (r.closed ? 1 << 40 : 0))
            h.add(UInt64(r.epoch))
            for f in r.fields { h.add(UInt64(f.raw)) }
        }
        return h.value
    }
}

/// What a merge changed.
struct MergeChange {
    var tomb = false
    var fieldsChanged = false
    /// The changed fields, when either side had registrations (see `merge`).
    var fields: [FieldID] = []
    var registrationsChanged = false
    /// Open registrations this replica had not held before, or whose epoch rose.
    var newRegistrations: [StreamID] = []

    var dataChanged: Bool { tomb || fieldsChanged }
    var any: Bool { dataChanged || registrationsChanged }
}

/// A hash chain over 64-bit words: each word is mixed in by SplitMix64's bijective finaliser.
/// Stable across runs (no `Hasher`); not for adversarial input.
private struct WordDigest {
    private var h: UInt64 = 0x243F_6A88_85A3_08D3
    private var count: UInt64 = 0

    mutating func add(_ word: UInt64) {
        h = SplitMix64.mix(h ^ word)
        count &+= 1
    }

    /// The length is mixed in last, so that contents ending in zero words differ from shorter ones.
    var value: UInt64 { SplitMix64.mix(h ^ count) }
}
