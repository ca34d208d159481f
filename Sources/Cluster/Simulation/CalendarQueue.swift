/// A calendar queue for events up to about 16ms ahead (message deliveries), ordered by
/// (time, sequence). Time is cut into blocks of `blockSpan` µs; the window is the open block and
/// the `blockCount - 1` after it.
/// - A future block is a list of its events in push order, which is sequence order, so an
///   append is all a push costs and the blocks' tails stay in cache.
/// - When the open block runs out, the next non-empty block is opened: sorted by time with a
///   stable sort (so ties keep sequence order) into `open`, then read front to back.
/// - An event pushed at or before the open block's end once it is open (an event due now, or a
///   very short delay) goes to a small heap, `late`; the head is the earlier of the two heads.
/// Every event is written and read in runs, so a queue of 100k events costs few cache misses.
struct CalendarQueue: ~Copyable {
    static let blockShift: Micros = 8
    static let blockSpan = 1 << blockShift
    static let blockCount = 64
    /// Blocks opened with at most this many events are sorted by insertion instead of counting
    /// (at most 64: a key holds the position in 6 bits).
    private static let insertionSortLimit = 48

    // Internal (not private) from here on, read by CalendarQueue+Invariants.swift; `occupied`
    // is also written by its tests, to corrupt a queue.
    private(set) var chunks = EventChunks()
    /// Future blocks by block number modulo `blockCount`.
    let blocks = UnsafeMutablePointer<EventChunks.List>.allocate(capacity: blockCount)
    /// Bit `i` set when `blocks[i]` is not empty.
    var occupied: UInt64 = 0
    /// The open block's events in (time, sequence) order, consumed from `cursor`.
    private(set) var open = UnsafeMutablePointer<Event>.allocate(capacity: 1)
    private(set) var openCapacity = 1
    private(set) var openCount = 0
    private(set) var cursor = 0
    private(set) var late = EventHeap()
    /// Number (time >> blockShift) of the open block.
    private(set) var openBlock: Micros = 0
    private let tally = UnsafeMutablePointer<Int32>.allocate(capacity: blockSpan)
    /// A small block's events in push order, before `insertionSortByTime`.
    private let small = UnsafeMutablePointer<Event>.allocate(capacity: insertionSortLimit)
    private(set) var count = 0

    init() {
        blocks.initialize(repeating: EventChunks.List(), count: Self.blockCount)
        tally.initialize(repeating: 0, count: Self.blockSpan)
    }

    deinit {
        blocks.deallocate()
        open.deallocate()
        tally.deallocate()
        small.deallocate()
    }

    /// Whether an event at `time` fits in the window.
    @inline(__always)
    func accepts(_ time: Micros) -> Bool {
        time >> Self.blockShift < openBlock &+ Micros(Self.blockCount)
    }

    /// Adds an event that `accepts` its time.
    @inline(__always)
    mutating func push(_ event: Event) {
        let block = event.time >> Self.blockShift
        if block <= openBlock {
            late.push(event)
        } else {
            let slot = Int(block) & (Self.blockCount - 1)
            chunks.append(event, to: &blocks[slot])
            occupied |= 1 << UInt64(slot)
        }
        count += 1
    }

    /// Removes and returns the earliest event if it comes before `bound` (the head of the other
    /// stores) and is due at or before `limit`. A block is opened only when its events may be
    /// the ones to return: once open, pushes into the time before its end go to the slower `late`.
    @inline(__always)
    mutating func popFirst(before bound: EventKey, notAfter limit: Micros) -> Event? {
        if cursor == openCount && late.count == 0 {
            guard occupied != 0 else { return nil }
            let slot = nextOccupiedSlot
            let block = openBlock &+ 1 &+ Micros((slot &- Int(truncatingIfNeeded: openBlock &+ 1)) & (Self.blockCount - 1))
            if min(bound.time, limit) < block << Self.blockShift { return nil }
            open(block, slot: slot)
        }
        let event: Event, fromLate: Bool
        if let head = late.first, cursor == openCount || EventHeap.before(head, open[cursor]) {
            (event, fromLate) = (head, true)
        } else {
            (event, fromLate) = (open[cursor], false)
        }
        guard EventKey(event) < bound && event.time <= limit else { return nil }
        count -= 1
        if fromLate { _ = late.pop() } else { cursor += 1 }
        return event
    }

    /// Moves the window on to `time`, which no event in the queue is earlier than (the queue
    /// popped an event at `time` from elsewhere, or ran to `time`), so later deliveries still fit
    /// the window when the calendar has been idle instead of falling to the heap. Every event
    /// then lies in a block after the new open one, so nothing is open and `late` is empty.
    mutating func advance(to time: Micros) {
        let block = (time >> Self.blockShift) &- 1
        if block > openBlock { openBlock = block }
    }

    /// Time of the earliest event, without opening a block.
    var nextTime: Micros? {
        if cursor < openCount || late.count > 0 {
            let o = cursor < openCount ? open[cursor].time : .max
            return min(o, late.first?.time ?? .max)
        }
        guard occupied != 0 else { return nil }
        var earliest = Micros.max
        chunks.forEachRun(of: blocks[nextOccupiedSlot]) { run in
            for e in run { earliest = min(earliest, e.time) }
        }
        return earliest
    }

    /// The slot of the first non-empty block after the open one.
    private var nextOccupiedSlot: Int {
        let from = UInt64(truncatingIfNeeded: openBlock &+ 1) & UInt64(Self.blockCount - 1)
        let rotated = occupied >> from | occupied << ((64 - from) & 63)
        return (Int(from) + rotated.trailingZeroBitCount) & (Self.blockCount - 1)
    }

    /// Makes `block` (in `slot`) the open block, sorted.
    private mutating func open(_ block: Micros, slot: Int) {
        openBlock = block
        occupied &= ~(1 << UInt64(slot))
        let n = blocks[slot].count
        if n > openCapacity {
            open.deallocate()
            openCapacity = max(n, openCapacity * 2)
            open = .allocate(capacity: openCapacity)
        }
        if n <= Self.insertionSortLimit {
            var end = small
            chunks.forEachRun(of: blocks[slot]) { run in
                end.initialize(from: run.baseAddress!, count: run.count)
                end += run.count
            }
            Self.insertionSortByTime(small, count: n, from: block << Self.blockShift, into: open)
        } else {
            countingSortByTime(blocks[slot], from: block << Self.blockShift)
        }
        chunks.release(&blocks[slot])
        openCount = n
        cursor = 0
    }

    /// Stable: events of equal time keep their (sequence) order. Sorts 2-byte keys (time within
    /// the block, position) rather than moving 32-byte events, then gathers the events.
    private static func insertionSortByTime(_ events: UnsafeMutablePointer<Event>, count n: Int, from base: Micros,
                                            into sorted: UnsafeMutablePointer<Event>) {
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: n) { keys in
            for i in 0..<n {
                let key = UInt16(truncatingIfNeeded: events[i].time &- base) << 6 | UInt16(truncatingIfNeeded: i)
                var j = i
                while j > 0 && keys[j - 1] > key {
                    keys[j] = keys[j - 1]
                    j -= 1
                }
                keys[j] = key
            }
            for k in 0..<n { (sorted + k).initialize(to: events[Int(keys[k] & 63)]) }
        }
    }

    /// Stable counting sort of a block's events into `open` by their time within the block.
    private func countingSortByTime(_ list: EventChunks.List, from base: Micros) {
        let tally = tally, open = open
        tally.update(repeating: 0, count: Self.blockSpan)
        chunks.forEachRun(of: list) { run in
            for e in run { tally[Int(e.time &- base)] &+= 1 }
        }
        var sum: Int32 = 0
        for i in 0..<Self.blockSpan {
            let c = tally[i]
            tally[i] = sum
            sum &+= c
        }
        chunks.forEachRun(of: list) { run in
            for e in run {
                let k = Int(e.time &- base)
                (open + Int(tally[k])).initialize(to: e)
                tally[k] &+= 1
            }
        }
    }
}
