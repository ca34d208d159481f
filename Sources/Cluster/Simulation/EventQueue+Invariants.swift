// Invariants of the event queue and its heap (style of swift-collections' `Heap+Invariants.swift`:
// see CalendarQueue+Invariants.swift).
//
// When: every push and pop is a hot path, and a full check is O(n) in the events held, so debug
// builds run it once every `max(1024, count)` operations (`EventQueue.checkEvery`: amortised
// O(1) per operation); the tests call it after every step. Release builds check nothing.

extension EventQueue {
    /// Every invariant the queue keeps, as messages naming those broken (empty: none). O(n).
    func invariantViolations() -> [String] {
        var found = calendar.invariantViolations()
        found += heap.invariantViolations().map { "heap " + $0 }
        // The lane: deadlines in (time, sequence) order.
        var previous: Event?
        for e in lane {
            if let p = previous, !EventHeap.before(p, e) {
                found.append("lane order: (\(p.time), \(p.seq)) before (\(e.time), \(e.seq))")
            }
            previous = e
        }
        // `otherHead`: the earlier of the heap's and the lane's heads.
        let heads = min(heap.first.map(EventKey.init) ?? .none, lane.first.map(EventKey.init) ?? .none)
        if otherHead != heads {
            found.append("otherHead (\(otherHead.time), \(otherHead.seq)) is not the min of heap and lane heads (\(heads.time), \(heads.seq))")
        }
        // Sequences: each issued once, all below `nextSeq`; nothing earlier than the floor.
        var seqs = Set<UInt64>(minimumCapacity: count)
        func visit(_ e: Event) {
            if e.seq >= nextSeq { found.append("seq \(e.seq) not below nextSeq \(nextSeq)") }
            if !seqs.insert(e.seq).inserted { found.append("seq \(e.seq) held twice") }
            #if DEBUG
            if e.time < floor { found.append("event at \(e.time) earlier than the time popped or advanced to, \(floor)") }
            #endif
        }
        calendar.forEachEvent(visit)
        heap.items.forEach(visit)
        lane.forEach(visit)
        return found
    }

    /// Traps (debug builds only) when an invariant is broken.
    func checkInvariants() {
        #if DEBUG
        let found = invariantViolations()
        requireInvariants(found, of: "EventQueue")
        #endif
    }

    #if DEBUG
    /// Debug builds: counts an operation, and checks every invariant once per
    /// `max(checkEvery, count)` of them.
    @inline(__always)
    mutating func checkedOperation() {
        operationsSinceCheck += 1
        if operationsSinceCheck >= max(Self.checkEvery, count) {
            operationsSinceCheck = 0
            checkInvariants()
        }
    }

    static var checkEvery: Int { 1024 }
    #endif
}

extension EventHeap {
    /// The 4-ary heap order: no event comes before its parent.
    func invariantViolations() -> [String] {
        var found: [String] = []
        for child in items.indices.dropFirst() {
            let parent = (child - 1) >> 2
            if Self.before(items[child], items[parent]) {
                found.append("order: item \(child) (\(items[child].time), \(items[child].seq)) before its parent \(parent)")
            }
        }
        return found
    }

    func checkInvariants() {
        #if DEBUG
        let found = invariantViolations()
        requireInvariants(found, of: "EventHeap")
        #endif
    }
}
