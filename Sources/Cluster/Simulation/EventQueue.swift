import DequeModule

/// The kernel's priority queue of value-type events, ordered by (time, insertion sequence), so
/// events due at the same time run in the order they were scheduled. Three stores, one order:
/// - a `TimingWheel` for events within its window (message deliveries): O(1);
/// - a FIFO lane for deadlines set a constant delay ahead (`pushDeadline`, operation timeouts),
///   which therefore arrive in time order: O(1); one earlier than the lane's last (the delay
///   changed) goes to the heap;
/// - an `EventHeap` for the rest (timers seconds ahead).
/// `pop` takes the earliest of the three heads by (time, sequence): exactly the order one heap
/// would give.
struct EventQueue {
    private var wheel = TimingWheel()
    private var heap = EventHeap()
    private var lane = Deque<Event>()
    private var nextSeq: UInt64 = 0

    var count: Int { wheel.count + heap.count + lane.count }
    var isEmpty: Bool { count == 0 }

    /// Time of the earliest event, if any.
    var nextTime: Micros? {
        var t = wheel.head()?.event.time
        if let h = heap.first, t == nil || h.time < t! { t = h.time }
        if let l = lane.first, t == nil || l.time < t! { t = l.time }
        return t
    }

    mutating func push(at time: Micros, _ kind: EventKind) {
        let event = Event(time: time, seq: nextSeq, kind: kind)
        nextSeq &+= 1
        if wheel.accepts(time) { wheel.push(event) } else { heap.push(event) }
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
        enum Source { case wheel(Int), heap, lane }
        var best: Event?
        var source = Source.heap
        if let (b, e) = wheel.head() {
            best = e
            source = .wheel(b)
        }
        if let h = heap.first, best == nil || EventHeap.before(h, best!) {
            best = h
            source = .heap
        }
        if let l = lane.first, best == nil || EventHeap.before(l, best!) {
            best = l
            source = .lane
        }
        guard let event = best, event.time <= time else { return nil }
        switch source {
        case .wheel(let b): return wheel.pop(bucket: b)
        case .heap:
            wheel.advance(to: event.time)
            return heap.pop()
        case .lane:
            wheel.advance(to: event.time)
            return lane.removeFirst()
        }
    }

    /// Nothing is due before `time` (the clock was set to it).
    mutating func advance(to time: Micros) { wheel.advance(to: time) }
}
