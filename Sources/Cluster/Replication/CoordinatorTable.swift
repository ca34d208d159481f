import DequeModule

/// A coordinator's requests in progress, by id. Ids rise by one per request and requests end
/// roughly in the order they began (each within `timeout`), so the table is a window of slots
/// from the oldest unfinished id: lookup is an index, no hashing; finished slots at the front
/// are dropped as the window moves on. Ids are never reused, so a late reply to a finished
/// request finds nothing. Requests are updated in place (`update`): a request holds arrays, and
/// copying it out and back would retain and release each of them.
struct CoordinatorTable {
    private var slots = Deque<CoordinatorOp>()
    /// Which slots hold unfinished requests. Derivable from the slots, but reading a slot of
    /// a Deque copies the request out (retaining its arrays): every lookup checks this instead.
    private var live = Deque<Bool>()
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
        live.append(true)
        count += 1
        return id
    }

    private func slot(_ id: Int32) -> Int? {
        let i = Int(id) - Int(base)
        return i >= 0 && i < slots.count && live[i] ? i : nil
    }

    func contains(_ id: Int32) -> Bool { slot(id) != nil }

    /// The request with this id, if it has not finished.
    subscript(id: Int32) -> CoordinatorOp? { slot(id).map { slots[$0] } }

    /// Runs `body` on the unfinished request `id` in place; nil when there is none.
    mutating func update<R>(_ id: Int32, _ body: (inout CoordinatorOp) -> R) -> R? {
        guard let i = slot(id) else { return nil }
        return body(&slots[i])
    }

    /// Finishes the request and returns it.
    @discardableResult
    mutating func remove(_ id: Int32) -> CoordinatorOp? {
        guard let i = slot(id) else { return nil }
        let op = slots[i]
        slots[i] = .finished
        live[i] = false
        count -= 1
        while let first = live.first, !first {
            live.removeFirst()
            slots.removeFirst()
            base &+= 1
        }
        return op
    }

    /// Ids of unfinished requests, oldest first.
    var ids: [Int32] {
        live.indices.compactMap { live[$0] ? base &+ Int32($0) : nil }
    }

    /// Forgets every request (the node lost its memory); ids keep rising.
    mutating func removeAll() {
        slots.removeAll()
        live.removeAll()
        count = 0
    }
}

extension CoordinatorOp {
    /// What a finished slot holds until the window moves past it (no storage of its own).
    static let finished = CoordinatorOp(clientOp: -1, kind: .write, key: 0, needed: 0, targets: [], preference: [])
}
