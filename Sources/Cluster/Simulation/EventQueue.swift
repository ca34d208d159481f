import DequeModule

/// The kernel's priority queue of value-type events, ordered by (time, insertion sequence), so
/// events due at the same time run in the order they were scheduled. Three stores, one order:
/// - a `CalendarQueue` for events within its window of about 16ms (message deliveries):
///   amortised O(1), with memory touched in runs;
/// - a FIFO lane for deadlines set a constant delay ahead (`pushDeadline`, operation timeouts),
///   which therefore arrive in time order: O(1); one earlier than the lane's last (the delay
///   changed) goes to the heap;
/// - an `EventHeap` for the rest (timers seconds ahead).
/// `pop` takes the earliest of the three heads by (time, sequence): exactly the order one heap
/// would give. Not copyable: the calendar owns raw memory.
struct EventQueue: ~Copyable {
    private var calendar = CalendarQueue()
    private var heap = EventHeap()
    private var lane = Deque<Event>()
    private var nextSeq: UInt64 = 0

    var count: Int { calendar.count + heap.count + lane.count }
    var isEmpty: Bool { count == 0 }

    /// Time of the earliest event, if any.
    var nextTime: Micros? {
        [calendar.nextTime, heap.first?.time, lane.first?.time].compactMap { $0 }.min()
    }

    mutating func push(at time: Micros, _ kind: EventKind) {
        let event = Event(time: time, seq: nextSeq, kind: kind)
        nextSeq &+= 1
        if calendar.accepts(time) { calendar.push(event) } else { heap.push(event) }
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

    mutating func pop() -> Event? { pop(notAfter: .max) }

    /// Removes and returns the earliest event if it is due at or before `time`.
    mutating func pop(notAfter time: Micros) -> Event? {
        enum Source { case none, calendar, heap, lane }
        var source = Source.none
        var earliest = (time: Micros.max, seq: UInt64.max)
        if heap.count > 0, let h = heap.first {
            earliest = (h.time, h.seq)
            source = .heap
        }
        if !lane.isEmpty, let l = lane.first, (l.time, l.seq) < earliest {
            earliest = (l.time, l.seq)
            source = .lane
        }
        if calendar.prepareHead(before: min(earliest.time, time)) {
            let c = calendar.head
            if (c.time, c.seq) < earliest {
                earliest = (c.time, c.seq)
                source = .calendar
            }
        }
        guard earliest.time <= time else { return nil }
        switch source {
        case .none: return nil
        case .calendar: return calendar.removeFirst()
        case .heap: return heap.pop()
        case .lane: return lane.removeFirst()
        }
    }
}
