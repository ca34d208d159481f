/// A coordinator's requests in progress, by id. Ids rise by one per request and requests end
/// roughly in the order they began (each within `timeout`), so the table is an `IDWindow` from
/// the oldest unfinished id: lookup is an index, no hashing, and requests are updated in place.
/// Ids are never reused, so a late reply to a finished request finds nothing.
struct CoordinatorTable {
    /// Internal (not private): read by IDWindow+Invariants.swift.
    private(set) var window = IDWindow(filler: CoordinatorOp(client: Endpoint(client: 0), clientOp: ClientOpID(0), key: KeyID(0), needed: 0, targetCount: 0))

    var count: Int { window.count }
    var isEmpty: Bool { window.isEmpty }

    /// Adds a request; returns its id.
    mutating func insert(_ op: CoordinatorOp) -> CoordinatorOpID { CoordinatorOpID(Int32(truncatingIfNeeded: window.append(op))) }

    func contains(_ id: CoordinatorOpID) -> Bool { window.contains(Int(id.raw)) }

    /// The request with this id, if it has not finished.
    subscript(id: CoordinatorOpID) -> CoordinatorOp? { window[Int(id.raw)] }

    /// Runs `body` on the unfinished request `id` in place; nil when there is none.
    mutating func update<R>(_ id: CoordinatorOpID, _ body: (inout CoordinatorOp) -> R) -> R? {
        window.update(Int(id.raw), body)
    }

    /// Finishes the request and returns it.
    @discardableResult
    mutating func remove(_ id: CoordinatorOpID) -> CoordinatorOp? { window.remove(Int(id.raw)) }

    /// Finishes the request.
    mutating func discard(_ id: CoordinatorOpID) { window.discard(Int(id.raw)) }

    /// Ids of unfinished requests, oldest first.
    var ids: [CoordinatorOpID] { window.ids.map { CoordinatorOpID(Int32(truncatingIfNeeded: $0)) } }

    /// Forgets every request (the node lost its memory); ids keep rising.
    mutating func removeAll() { window.removeAll() }
}
