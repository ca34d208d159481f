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
    /// (time, sequence) of the earlier of the heap's and the lane's heads, (max, max) when both
    /// are empty: kept up to date so that a pop from the calendar (most pops) compares once.
    private var otherHead = EventKey.none

    var count: Int { calendar.count + heap.count + lane.count }
    var isEmpty: Bool { count == 0 }

    /// Time of the earliest event, if any.
    var nextTime: Micros? {
        var t = calendar.nextTime
        if otherHead != .none { t = min(t ?? otherHead.time, otherHead.time) }
        return t
    }

    mutating func push(at time: Micros, _ kind: EventKind) {
        let event = Event(time: time, seq: nextSeq, kind: kind)
        nextSeq &+= 1
        if calendar.accepts(time) {
            calendar.push(event)
        } else {
            heap.push(event)
            otherHead = min(otherHead, EventKey(event))
        }
    }

    /// Schedules an event whose time is usually no earlier than the last deadline's.
    mutating func pushDeadline(at time: Micros, _ kind: EventKind) {
        if let last = lane.last, time < last.time {
            push(at: time, kind)
            return
        }
        let event = Event(time: time, seq: nextSeq, kind: kind)
        nextSeq &+= 1
        lane.append(event)
        otherHead = min(otherHead, EventKey(event))
    }

    mutating func pop() -> Event? { pop(notAfter: .max) }

    /// Removes and returns the earliest event if it is due at or before `time`.
    mutating func pop(notAfter time: Micros) -> Event? {
        if let event = calendar.popFirst(before: otherHead, notAfter: time) { return event }
        guard otherHead != .none, otherHead.time <= time else { return nil }
        let event: Event?
        if let l = lane.first, EventKey(l) == otherHead {
            event = lane.removeFirst()
        } else {
            event = heap.pop()
        }
        otherHead = min(heap.first.map(EventKey.init) ?? .none, lane.first.map(EventKey.init) ?? .none)
        if let event { calendar.advance(to: event.time) }
        return event
    }

    /// Nothing is due before `time` (the clock was set to it).
    mutating func advance(to time: Micros) { calendar.advance(to: time) }
}

/// An event's place in the order: (time, sequence).
struct EventKey: Comparable {
    var time: Micros
    var seq: UInt64

    static let none = EventKey(time: .max, seq: .max)

    init(time: Micros, seq: UInt64) {
        self.time = time
        self.seq = seq
    }

    init(_ event: Event) { self.init(time: event.time, seq: event.seq) }

    @inline(__always)
    static func < (a: EventKey, b: EventKey) -> Bool { a.time != b.time ? a.time < b.time : a.seq < b.seq }
}
