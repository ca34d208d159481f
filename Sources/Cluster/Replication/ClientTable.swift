import DequeModule

/// The client's operations by id (0, 1, 2, … in submission order): the recorded history that
/// `check`, `result(of:)` and versions read. With `keepsHistory` off (a caller that needs none,
/// such as the benchmark's million puts) an operation submitted with a completion callback is
/// dropped once it has completed and its callback ran, so memory holds only the operations in
/// flight: the table is a window from the oldest one kept, and the window moves past dropped
/// operations at its front.
struct ClientTable {
    private var slots = Deque<ClientOp?>()
    /// Which slots hold an operation. Derivable, but reading a slot of a Deque copies the
    /// operation out (its closure and arrays retained): the per-reply lookups check this instead.
    private var present = Deque<Bool>()
    /// Id of `slots[0]`.
    private var base = 0
    /// Ids issued so far (the next id).
    private(set) var count = 0
    var keepsHistory = true

    mutating func append(_ op: ClientOp) -> Int32 {
        slots.append(op)
        present.append(true)
        count += 1
        return Int32(count - 1)
    }

    private func slot(_ id: Int32) -> Int? {
        let i = Int(id) - base
        return i >= 0 && i < slots.count && present[i] ? i : nil
    }

    /// The operation, unless its id was never issued or it was dropped.
    subscript(id: Int32) -> ClientOp? {
        slot(id).flatMap { slots[$0] }
    }

    /// Runs `body` on the operation in place; nil when there is none.
    mutating func update<R>(_ id: Int32, _ body: (inout ClientOp) -> R) -> R? {
        guard let i = slot(id) else { return nil }
        return body(&slots[i]!)
    }

    /// An operation completed and its callback ran: without history, one submitted with a
    /// callback is dropped (one without is still to be read by whoever waits for it).
    mutating func completed(_ id: Int32) {
        guard !keepsHistory, let i = slot(id), slots[i]!.hadCallback else { return }
        slots[i] = nil
        present[i] = false
        while let first = present.first, !first {
            present.removeFirst()
            slots.removeFirst()
            base += 1
        }
    }

    /// Every operation kept, with its id, in id order.
    var history: [(id: Int, op: ClientOp)] {
        slots.indices.compactMap { i in slots[i].map { (base + i, $0) } }
    }
}
