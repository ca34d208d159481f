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
    /// Blocks opened with at most this many events are sorted by insertion instead of counting.
    private static let insertionSortLimit = 48

    private var chunks = EventChunks()
    /// Future blocks by block number modulo `blockCount`.
    private let blocks = UnsafeMutablePointer<EventChunks.List>.allocate(capacity: blockCount)
    /// Bit `i` set when `blocks[i]` is not empty.
    private var occupied: UInt64 = 0
    /// The open block's events in (time, sequence) order, consumed from `cursor`.
    private var open = UnsafeMutablePointer<Event>.allocate(capacity: 1)
    private var openCapacity = 1
    private var openCount = 0
    private var cursor = 0
    private var late = EventHeap()
    /// Number (time >> blockShift) of the open block.
    private var openBlock: Micros = 0
    private let tally = UnsafeMutablePointer<Int32>.allocate(capacity: blockSpan)
    private(set) var count = 0

    init() {
        blocks.initialize(repeating: EventChunks.List(), count: Self.blockCount)
        tally.initialize(repeating: 0, count: Self.blockSpan)
    }

    deinit {
        blocks.deallocate()
        open.deallocate()
        tally.deallocate()
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

    /// Whether `head` has an event: false when the queue is empty, or when the next block to
    /// open starts after `bound` (the time of an event elsewhere, or the end of a run). Opening a
    /// block only when its events may come next keeps pushes before its end out of `late`.
    @inline(__always)
    mutating func prepareHead(before bound: Micros) -> Bool {
        if cursor < openCount || late.count > 0 { return true }
        guard occupied != 0 else { return false }
        let slot = nextOccupiedSlot
        let block = openBlock &+ 1 &+ Micros((slot &- Int(truncatingIfNeeded: openBlock &+ 1)) & (Self.blockCount - 1))
        if bound < block << Self.blockShift { return false }
        open(block, slot: slot)
        return true
    }

    /// The earliest event, once `prepareHead` said there is one.
    @inline(__always)
    var head: Event {
        guard cursor < openCount else { return late.first! }
        if late.count > 0, let l = late.first, EventHeap.before(l, open[cursor]) { return l }
        return open[cursor]
    }

    /// Removes `head`.
    @inline(__always)
    mutating func removeFirst() -> Event {
        count -= 1
        if cursor < openCount, late.count == 0 || !EventHeap.before(late.first!, open[cursor]) {
            cursor += 1
            return open[cursor - 1]
        }
        return late.pop()!
    }

    /// Time of the earliest event, without opening a block.
    var nextTime: Micros? {
        if cursor < openCount || late.count > 0 { return head.time }
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
            var end = open
            chunks.forEachRun(of: blocks[slot]) { run in
                end.initialize(from: run.baseAddress!, count: run.count)
                end += run.count
            }
            Self.insertionSortByTime(UnsafeMutableBufferPointer(start: open, count: n))
        } else {
            countingSortByTime(blocks[slot], from: block << Self.blockShift)
        }
        chunks.release(&blocks[slot])
        openCount = n
        cursor = 0
    }

    /// Stable: events of equal time keep their (sequence) order.
    private static func insertionSortByTime(_ e: UnsafeMutableBufferPointer<Event>) {
        guard e.count > 1 else { return }
        for i in 1..<e.count {
            let x = e[i]
            var j = i
            while j > 0 && e[j - 1].time > x.time {
                e[j] = e[j - 1]
                j -= 1
            }
            e[j] = x
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
