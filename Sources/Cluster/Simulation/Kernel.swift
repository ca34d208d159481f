/// Virtual time and the event queue: what runs when, and nothing else. Like NIOEmbedded's
/// embedded loop, events are ordered by (time, insertion) and run by moving the clock forward;
/// the kernel knows no nodes, messages or clients: the harness takes each event it hands out
/// (`next`) and dispatches it. Not copyable, as the queue it owns.
struct Kernel: ~Copyable {
    /// Virtual time in µs. Only moves forward.
    private(set) var now: Micros = 0
    /// Events handed out so far (deliveries, timers, deadlines), for rates.
    private(set) var eventsRun = 0
    private var queue = EventQueue()

    /// Events waiting.
    var pending: Int { queue.count }

    /// Time of the earliest event waiting, if any.
    var nextTime: Micros? { queue.nextTime }

    /// Schedules `kind` at `time`, never before now.
    mutating func schedule(_ kind: EventKind, at time: Micros) {
        queue.push(at: max(time, now), kind)
    }

    /// Schedules `kind` a constant delay ahead (operation deadlines; see `EventQueue.pushDeadline`).
    mutating func scheduleDeadline(_ kind: EventKind, after delay: Micros) {
        queue.pushDeadline(at: now &+ delay, kind)
    }

    /// The earliest event due at or before `time`, with the clock moved to it; nil when none is.
    mutating func next(notAfter time: Micros) -> Event? {
        guard let event = queue.pop(notAfter: time) else { return nil }
        if event.time > now { now = event.time }
        eventsRun &+= 1
        return event
    }

    /// Nothing more is due before `time`: the clock moves to it (never back).
    mutating func advance(to time: Micros) {
        guard time > now else { return }
        now = time
        queue.advance(to: time)
    }
}
