import DequeModule

/// The kernel's priority queue: a hand-written 4-ary min-heap of value-type events ordered by
/// (time, insertion sequence), so events due at the same time run in the order they were scheduled.
///
/// Deadlines set a constant delay ahead (operation timeouts) arrive in time order, so they go to a
/// FIFO lane beside the heap (`pushDeadline`): O(1) in and out, and the heap stays as small as the
/// messages in flight. A deadline earlier than the lane's last (the delay was changed) goes to the
/// heap. `pop` takes the earlier of the two heads by (time, sequence): the order is exactly the
/// one a single heap would give.
struct EventQueue {
    private var items: [Event] = []
    private var lane = Deque<Event>()
    private var nextSeq: UInt64 = 0

    var count: Int { items.count + lane.count }
    var isEmpty: Bool { items.isEmpty && lane.isEmpty }
    /// Time of the earliest event, if any.
    var nextTime: Micros? {
        guard let l = lane.first else { return items.first?.time }
        guard let h = items.first else { return l.time }
        return min(l.time, h.time)
    }

    /// Schedules an event whose time is usually no earlier than the last deadline's.
    mutating func pushDeadline(at time: Micros, _ kind: EventKind) {
        if let last = lane.last, time < last.time {
            push(at: time, kind)
            return
        }
        lane.append(Event(time: time, seq: nextSeq, kind: kind))
        nextSeq &+= 1
    }

    @inline(__always)
    private static func before(_ a: Event, _ b: Event) -> Bool {
        a.time != b.time ? a.time < b.time : a.seq < b.seq
    }

    mutating func push(at time: Micros, _ kind: EventKind) {
        let event = Event(time: time, seq: nextSeq, kind: kind)
        nextSeq &+= 1
        items.append(event)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) >> 2
            if !Self.before(event, items[parent]) { break }
            items[child] = items[parent]
            child = parent
        }
        items[child] = event
    }

    mutating func pop() -> Event? {
        if let l = lane.first, items.isEmpty || Self.before(l, items[0]) {
            return lane.removeFirst()
        }
        return popHeap()
    }

    private mutating func popHeap() -> Event? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if items.isEmpty { return first }
        let n = items.count
        var parent = 0
        while true {
            let firstChild = parent * 4 + 1
            if firstChild >= n { break }
            var best = firstChild
            let end = min(firstChild + 4, n)
            var c = firstChild + 1
            while c < end {
                if Self.before(items[c], items[best]) { best = c }
                c += 1
            }
            if !Self.before(items[best], last) { break }
            items[parent] = items[best]
            parent = best
        }
        items[parent] = last
        return first
    }
}
