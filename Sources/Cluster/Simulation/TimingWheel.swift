/// A timing wheel with one bucket per microsecond over a window of `span` µs from the time of
/// its last pop (`base`). Events in the window map to distinct buckets by time, so a bucket
/// holds events of one time only, appended in insertion order: FIFO within a bucket is exactly
/// (time, sequence) order, and push and pop are O(1). A bitmap of non-empty buckets finds the
/// next one a word (64 µs) at a time. Message deliveries (latency of ms) land here; the event
/// queue keeps anything further ahead elsewhere.
///
/// Buckets are singly linked lists threaded through one pool of events (free slots reused
/// last-in first-out), so the working set stays small and hot: two 4-byte ends per bucket and
/// the events in flight, with no allocation per event once warm.
struct TimingWheel {
    static let span = 1 << 14
    private static let mask = span - 1
    private static let none: Int32 = -1

    private var pool: [Event] = []
    private var next: [Int32] = []
    private var free: [Int32] = []
    private var first = [Int32](repeating: none, count: span)
    private var last = [Int32](repeating: none, count: span)
    private var bits = [UInt64](repeating: 0, count: span / 64)
    /// No event is earlier than `base`; every event is before `base + span`.
    private var base: Micros = 0
    private(set) var count = 0

    /// Whether an event at `time` fits in the window.
    @inline(__always)
    func accepts(_ time: Micros) -> Bool {
        time >= base && time < base &+ Micros(Self.span)
    }

    mutating func push(_ event: Event) {
        let slot: Int32
        if let f = free.popLast() {
            slot = f
            pool[Int(f)] = event
            next[Int(f)] = Self.none
        } else {
            slot = Int32(pool.count)
            pool.append(event)
            next.append(Self.none)
        }
        let b = Int(event.time) & Self.mask
        if last[b] == Self.none {
            first[b] = slot
            bits[b >> 6] |= 1 << UInt64(b & 63)
        } else {
            next[Int(last[b])] = slot
        }
        last[b] = slot
        count += 1
    }

    /// The earliest event and its bucket.
    func head() -> (bucket: Int, event: Event)? {
        guard count > 0 else { return nil }
        let start = Int(base) & Self.mask
        var w = start >> 6
        var word = bits[w] & (~0 << UInt64(start & 63))
        while word == 0 {
            w = (w + 1) & (bits.count - 1)
            word = bits[w]
        }
        let b = w << 6 | word.trailingZeroBitCount
        return (b, pool[Int(first[b])])
    }

    /// Removes the earliest event, found by `head()` in `bucket`.
    mutating func pop(bucket b: Int) -> Event {
        let slot = first[b]
        let event = pool[Int(slot)]
        let after = next[Int(slot)]
        first[b] = after
        if after == Self.none {
            last[b] = Self.none
            bits[b >> 6] &= ~(1 << UInt64(b & 63))
        }
        free.append(slot)
        base = event.time
        count -= 1
        return event
    }

    /// Moves the window's start to `time`, which no event in the wheel is earlier than (the
    /// queue popped an event at `time` from elsewhere, or ran to `time`), so later deliveries
    /// still fit in the window when the wheel has been idle.
    mutating func advance(to time: Micros) {
        if time > base { base = time }
    }
}
