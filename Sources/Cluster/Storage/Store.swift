/// A node's stored data: its objects by key id (its hints are in `HintStore`).
struct Store {
    var objects: [UInt32: ObjectRecord] = [:]

    /// Key ids in ascending order (never iterate the dictionary for anything observable).
    var sortedKeys: [UInt32] { objects.keys.sorted() }

    subscript(key: UInt32) -> ObjectRecord? { objects[key] }

    mutating func merge(_ key: UInt32, _ incoming: ObjectRecord, _ order: StampOrder) -> MergeChange {
        if incoming.isEmpty { return MergeChange() }
        if objects[key] != nil {
            // Merged in place (the dictionary's modify accessor): no copy of the record.
            return objects[key]!.merge(incoming, order)
        }
        var fresh = ObjectRecord()
        let change = fresh.merge(incoming, order)
        objects[key] = fresh
        return change
    }
}
