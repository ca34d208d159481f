/// The client's operations by id (0, 1, 2, … in submission order): the recorded history that
/// `check`, `result(of:)` and versions read. With `keepsHistory` off (a caller that needs none:
/// the benchmark's million puts, a script without `check`) an operation is dropped once it has
/// completed and its callback ran, or its waiting caller read it, so memory holds only the
/// operations in flight (an `IDWindow` from the oldest one kept). Nothing else reads an
/// operation once it has completed: a request still in flight carries its own copy.
struct ClientTable {
    // Internal (not private): read by IDWindow+Invariants.swift.
    private(set) var window = IDWindow(filler: ClientOp(request: .get(key: KeyID(0), fields: []), coordinator: nil))
    var keepsHistory = true
    /// Every id below this has completed (or was dropped): `oldestInFlight` scans on from here.
    private(set) var settledBelow = 0

    /// Ids issued so far (the next id).
    var count: Int { window.nextID }
    /// Operations held (in flight, or kept as history).
    var held: Int { window.count }

    mutating func append(_ op: ClientOp) -> ClientOpID { ClientOpID(Int32(truncatingIfNeeded: window.append(op))) }

    /// The operation, unless its id was never issued or it was dropped.
    subscript(id: ClientOpID) -> ClientOp? { window[Int(id.raw)] }

    /// The operation's request, read in place.
    func request(of id: ClientOpID) -> ClientOp.Request? { window.read(Int(id.raw)) { $0.request } }

    /// Whether the operation has completed (false when there is none).
    func isComplete(_ id: ClientOpID) -> Bool { window.read(Int(id.raw)) { $0.result != nil } ?? false }

    /// Runs `body` on the operation in place; nil when there is none.
    mutating func update<R>(_ id: ClientOpID, _ body: (inout ClientOp) -> R) -> R? {
        window.update(Int(id.raw), body)
    }

    /// An operation completed and its callback ran: without history, one submitted with a
    /// callback is dropped (one without is still to be read by whoever waits for it).
    mutating func completed(_ id: ClientOpID) {
        guard !keepsHistory, window.read(Int(id.raw), { $0.hadCallback }) == true else { return }
        window.discard(Int(id.raw))
    }

    /// The caller waiting for an operation (`perform`) has taken its outcome: without history it
    /// is dropped.
    mutating func outcomeTaken(_ id: ClientOpID) {
        if !keepsHistory { window.discard(Int(id.raw)) }
    }

    /// The oldest put, get or delete still in flight (stream registrations, which the client
    /// makes on its own, aside). Scans from the oldest id not known to have completed: operations
    /// complete within `timeout`, so the scan covers about those of the last `timeout`.
    mutating func oldestInFlight() -> ClientOpID? {
        var settled = true
        var id = settledBelow
        while id < count {
            switch window.read(id, { ($0.result == nil, $0.request.isRegistration) }) {
            case nil, (false, _)?:
                if settled { settledBelow = id + 1 }
            case (true, true)?:
                settled = false
            case (true, false)?:
                return ClientOpID(Int32(id))
            }
            id += 1
        }
        return nil
    }

    /// Every operation kept, with its id, in id order.
    var history: [(id: Int, op: ClientOp)] {
        window.elements.map { (id: $0.id, op: $0.element) }
    }
}
