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
    // Internal (not private), read by EventQueue+Invariants.swift; `otherHead` is also written
    // by its tests, to corrupt a queue.
    private(set) var calendar = CalendarQueue()
    private(set) var heap = EventHeap()
    private(set) var lane = Deque<Event>()
    private(set) var nextSeq: UInt64 = 0
    /// (time, sequence) of the earlier of the heap's and the lane's heads, (max, max) when both
    /// are empty: kept up to date so that a pop from the calendar (most pops) compares once.
    var otherHead = EventKey.none
    #if DEBUG
    /// Debug builds: the latest time popped or advanced to, which no event held is earlier than
    /// (the kernel schedules nothing before now); and operations since the last full check.
    private(set) var floor: Micros = 0
    var operationsSinceCheck = 0
    #endif

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
        #if DEBUG
        checkedOperation()
        #endif
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
        #if DEBUG
        checkedOperation()
        #endif
    }

    mutating func pop() -> Event? { pop(notAfter: .max) }

    /// Removes and returns the earliest event if it is due at or before `time`.
    mutating func pop(notAfter time: Micros) -> Event? {
        if let event = calendar.popFirst(before: otherHead, notAfter: time) {
            #if DEBUG
            popped(event)
            #endif
            return event
        }
        guard otherHead != .none, otherHead.time <= time else { return nil }
        let event: Event?
        if let l = lane.first, EventKey(l) == otherHead {
            event = lane.removeFirst()
        } else {
            event = heap.pop()
        }
        otherHead = min(heap.first.map(EventKey.init) ?? .none, lane.first.map(EventKey.init) ?? .none)
        if let event { calendar.advance(to: event.time) }
        #if DEBUG
        if let event { popped(event) }
        #endif
        return event
    }

    /// Nothing is due before `time` (the clock was set to it).
    mutating func advance(to time: Micros) {
        calendar.advance(to: time)
        #if DEBUG
        floor = max(floor, time)
        checkedOperation()
        #endif
    }

    #if DEBUG
    private mutating func popped(_ event: Event) {
        floor = max(floor, event.time)
        checkedOperation()
    }
    #endif
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
