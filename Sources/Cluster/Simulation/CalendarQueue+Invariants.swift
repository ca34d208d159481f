// Invariants of the calendar queue and its chunk pool, in the style of swift-collections'
// `Heap+Invariants.swift`: `invariantViolations()` names each broken invariant without trapping
// (the tests corrupt an instance and read it); `checkInvariants()` turns them into a
// precondition and compiles to nothing in release builds. The calendar is checked as part of
// `EventQueue.checkInvariants()` (see there for when that runs).

extension CalendarQueue {
    /// Every invariant the calendar keeps, as messages naming those broken (empty: none). O(n).
    func invariantViolations() -> [String] {
        var found: [String] = []
        let slots = Self.blockCount
        // The open block: a sorted run, read from `cursor`.
        if !(0 <= cursor && cursor <= openCount && openCount <= openCapacity) {
            found.append("calendar cursor: 0 <= cursor \(cursor) <= openCount \(openCount) <= capacity \(openCapacity)")
        }
        if cursor < openCount {
            for i in cursor..<openCount {
                let e = open[i]
                if e.time >> Self.blockShift != openBlock {
                    found.append("calendar open block: event at \(e.time) outside open block \(openBlock)")
                }
                if i > cursor && !EventHeap.before(open[i - 1], e) {
                    found.append("calendar open block order: (\(open[i - 1].time), \(open[i - 1].seq)) before (\(e.time), \(e.seq))")
                }
            }
        }
        // `late`: a heap of events due by the open block's end.
        found += late.invariantViolations().map { "calendar late " + $0 }
        for e in late.items where e.time >> Self.blockShift > openBlock {
            found.append("calendar late: event at \(e.time) after open block \(openBlock)")
        }
        // Future blocks: each slot holds one block of the window, in push (sequence) order.
        var held = (openCount - cursor) + late.count
        for slot in 0..<slots {
            let list = blocks[slot]
            held += list.count
            if (occupied >> UInt64(slot) & 1 != 0) != (list.count > 0) {
                found.append("calendar occupied bit \(slot) disagrees with its block of \(list.count) events")
            }
            if (list.first < 0) != (list.count == 0) || (list.last < 0) != (list.count == 0) {
                found.append("calendar block \(slot): first \(list.first)/last \(list.last) disagree with count \(list.count)")
                continue
            }
            if list.count > 0 && !(1...EventChunks.chunkSize).contains(list.fill) {
                found.append("calendar block \(slot): last chunk fill \(list.fill) out of 1...\(EventChunks.chunkSize)")
                continue
            }
            var walked = 0
            var previous: Event?
            chunks.forEachRun(of: list) { run in
                for e in run {
                    walked += 1
                    let block = e.time >> Self.blockShift
                    if !(block > openBlock && block < openBlock &+ Micros(slots)) || Int(block) & (slots - 1) != slot {
                        found.append("calendar block span: event at \(e.time) (block \(block)) in slot \(slot), open block \(openBlock)")
                    }
                    if let p = previous, p.seq >= e.seq {
                        found.append("calendar block \(slot) push order: seq \(p.seq) before \(e.seq)")
                    }
                    previous = e
                }
            }
            if walked != list.count {
                found.append("calendar block \(slot): \(walked) events in its chunks, count \(list.count)")
            }
        }
        if held != count {
            found.append("calendar count: \(count), stores hold \(held)")
        }
        found += chunks.invariantViolations(lists: (0..<slots).map { blocks[$0] })
        return found
    }

    /// Traps (debug builds only) when an invariant is broken.
    func checkInvariants() {
        #if DEBUG
        let found = invariantViolations()
        requireInvariants(found, of: "CalendarQueue")
        #endif
    }

    /// Each event the calendar holds, in no particular order (for the queue's checks).
    func forEachEvent(_ body: (Event) -> Void) {
        if cursor < openCount { for i in cursor..<openCount { body(open[i]) } }
        for e in late.items { body(e) }
        for slot in 0..<Self.blockCount {
            chunks.forEachRun(of: blocks[slot]) { run in run.forEach(body) }
        }
    }
}

extension EventChunks {
    /// The pool's invariants, given every list drawn from it: each chunk handed out is in
    /// exactly one list or the free list, and the lists' links stay inside the pool.
    func invariantViolations(lists: [List]) -> [String] {
        var found: [String] = []
        if !(0...capacity).contains(used) {
            found.append("chunks: used \(used) outside 0...\(capacity)")
            return found
        }
        var owner = [Int](repeating: -1, count: used)  // list number, or lists.count for free
        func claim(_ chunk: Int32, by list: Int) -> Bool {
            guard chunk >= 0 && Int(chunk) < used else {
                found.append("chunks: link to chunk \(chunk) outside 0..<\(used)")
                return false
            }
            if owner[Int(chunk)] >= 0 {
                found.append("chunks: chunk \(chunk) in two lists (\(owner[Int(chunk)]) and \(list))")
                return false
            }
            owner[Int(chunk)] = list
            return true
        }
        for (n, list) in lists.enumerated() where list.first >= 0 {
            var chunk = list.first, chunks = 1
            while claim(chunk, by: n), chunk != list.last {
                chunk = next[Int(chunk)]
                chunks += 1
            }
            if chunk == list.last && (chunks - 1) * Self.chunkSize + list.fill != list.count {
                found.append("chunks: list \(n) of \(chunks) chunks, fill \(list.fill), count \(list.count)")
            }
        }
        var chunk = free
        while chunk >= 0, claim(chunk, by: lists.count) { chunk = next[Int(chunk)] }
        if let lost = owner.firstIndex(of: -1) {
            found.append("chunks: chunk \(lost) neither in a list nor free")
        }
        return found
    }
}
