// Invariants of an id window (style of swift-collections' `Heap+Invariants.swift`: see
// CalendarQueue+Invariants.swift). `CoordinatorTable` adds none of its own (it is the window, with
// ids as Int32); `ClientTable` adds one, below.
//
// When: the window is on every request's path, and a full check is O(window), which is all the
// history a client keeps; so debug builds check the O(1) invariants after every append and
// removal (`thorough: false`), and all of them when the storage grows or is emptied (O(n) work
// already, so amortised O(1)); the tests check everything after every step. Release builds check
// nothing.

extension IDWindow {
    /// The window's invariants, as messages naming those broken (empty: none). `thorough`: also
    /// those that take a walk over the storage, O(capacity).
    func invariantViolations(thorough: Bool = true) -> [String] {
        var found: [String] = []
        let capacity = storage.count
        // Ids: the window runs from `base` to `nextID`, and holds `count` of them.
        if base + used != nextID {
            found.append("ids: base \(base) + used \(used) != nextID \(nextID)")
        }
        if base < 0 { found.append("ids: base \(base) negative") }
        if !(0 <= count && count <= used && used <= capacity) {
            found.append("counts: 0 <= count \(count) <= used \(used) <= capacity \(capacity)")
        }
        if capacity != 0 && (capacity < 16 || capacity & (capacity - 1) != 0) {
            found.append("storage: capacity \(capacity) not a power of two from 16")
        }
        if capacity == 0 ? head != 0 : !(0..<capacity).contains(head) {
            found.append("storage: head \(head) outside the storage of \(capacity)")
            return found
        }
        // The window starts at the oldest id still held: removals move it past the rest.
        if used > 0 && !storage[head].held {
            found.append("window: the first slot (id \(base)) is not held")
        }
        guard thorough, capacity > 0, used <= capacity else { return found }
        var held = 0
        for k in 0..<capacity {
            let slot = storage[(head + k) & (capacity - 1)]
            if k < used {
                if slot.held { held += 1 }
            } else if slot.held {
                found.append("window: slot of id \(base + k) held, beyond nextID \(nextID)")
            }
        }
        if held != count {
            found.append("held flags: \(held) held, count \(count)")
        }
        return found
    }

    /// Traps (debug builds only) when an invariant is broken.
    func checkInvariants(thorough: Bool = true) {
        #if DEBUG
        let found = invariantViolations(thorough: thorough)
        requireInvariants(found, of: "IDWindow")
        #endif
    }
}

extension ClientTable {
    /// The window's invariants, and the table's own: every id below `settledBelow` was issued,
    /// and every one of those still held has completed (`oldestInFlight` skips them; results
    /// are never taken back). O(history). Checked by the tests only.
    func invariantViolations() -> [String] {
        var found = window.invariantViolations().map { "client window " + $0 }
        if !(0...count).contains(settledBelow) {
            found.append("settledBelow \(settledBelow) outside 0...\(count)")
        }
        for id in window.ids where id < settledBelow {
            if window.read(id, { $0.result == nil }) == true {
                found.append("op \(id) below settledBelow \(settledBelow) still in flight")
            }
        }
        return found
    }

    /// Traps (debug builds only) when an invariant is broken.
    func checkInvariants() {
        #if DEBUG
        let found = invariantViolations()
        requireInvariants(found, of: "ClientTable")
        #endif
    }
}

extension CoordinatorTable {
    /// The window's invariants (the table adds none).
    func invariantViolations() -> [String] { window.invariantViolations().map { "coordinator window " + $0 } }

    /// Traps (debug builds only) when an invariant is broken.
    func checkInvariants() {
        #if DEBUG
        let found = invariantViolations()
        requireInvariants(found, of: "CoordinatorTable")
        #endif
    }
}
