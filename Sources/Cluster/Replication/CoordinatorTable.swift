import DequeModule

/// A coordinator's requests in progress, by id. Ids rise by one per request and requests end
/// roughly in the order they began (each within `timeout`), so the table is a window of slots
/// from the oldest unfinished id: lookup is an index, no hashing; finished slots at the front
/// are dropped as the window moves on. Ids are never reused, so a late reply to a finished
/// request finds nothing.
struct CoordinatorTable {
    private var slots = Deque<CoordinatorOp?>()
    /// Id of `slots[0]`.
    private var base: Int32 = 0
    private(set) var nextID: Int32 = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Adds a request; returns its id.
    mutating func insert(_ op: CoordinatorOp) -> Int32 {
        let id = nextID
        nextID &+= 1
        if slots.isEmpty { base = id }
        slots.append(op)
        count += 1
        return id
    }

    private func slot(_ id: Int32) -> Int? {
        let i = Int(id) - Int(base)
        return i >= 0 && i < slots.count ? i : nil
    }

    /// The request with this id, if it has not finished. Setting nil finishes it.
    subscript(id: Int32) -> CoordinatorOp? {
        get { slot(id).flatMap { slots[$0] } }
        set {
            guard let i = slot(id), slots[i] != nil else { return }
            if let newValue {
                slots[i] = newValue
            } else {
                slots[i] = nil
                count -= 1
                while let first = slots.first, first == nil {
                    slots.removeFirst()
                    base &+= 1
                }
            }
        }
    }

    /// Finishes the request and returns it.
    mutating func remove(_ id: Int32) -> CoordinatorOp? {
        let op = self[id]
        self[id] = nil
        return op
    }

    /// Ids of unfinished requests, oldest first.
    var ids: [Int32] {
        slots.indices.compactMap { slots[$0] == nil ? nil : base &+ Int32($0) }
    }

    /// Forgets every request (the node lost its memory); ids keep rising.
    mutating func removeAll() {
        slots.removeAll()
        count = 0
    }
}
