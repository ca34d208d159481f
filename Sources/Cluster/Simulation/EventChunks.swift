/// Lists of events kept in fixed-size chunks drawn from one pool: the calendar queue's blocks.
/// An append writes into its list's last chunk; chunks a list gives back are reused first, so
/// the memory in use stays small and warm. Raw memory (events are trivial values), so an append
/// pays no reference counting and no uniqueness check; not copyable, so no copy can share it.
struct EventChunks: ~Copyable {
    static let chunkSize = 32

    /// One list: its first and last chunk (-1 when empty), the events in the last, and in all.
    struct List {
        var first: Int32 = -1
        var last: Int32 = -1
        var fill = 0
        var count = 0
    }

    // Internal (not private), read by CalendarQueue+Invariants.swift.
    private(set) var events: UnsafeMutablePointer<Event>
    /// The chunk after each chunk in its list, or in the free list.
    private(set) var next: UnsafeMutablePointer<Int32>
    private(set) var capacity = 64
    /// Chunks handed out at least once; those below are in a list or free.
    private(set) var used = 0
    private(set) var free: Int32 = -1

    init() {
        events = .allocate(capacity: capacity * Self.chunkSize)
        next = .allocate(capacity: capacity)
    }

    deinit {
        events.deallocate()
        next.deallocate()
    }

    @inline(__always)
    mutating func append(_ event: Event, to list: inout List) {
        if list.last < 0 || list.fill == Self.chunkSize {
            let chunk = newChunk()
            if list.last < 0 { list.first = chunk } else { next[Int(list.last)] = chunk }
            list.last = chunk
            list.fill = 0
        }
        (events + Int(list.last) * Self.chunkSize + list.fill).initialize(to: event)
        list.fill += 1
        list.count += 1
    }

    /// Calls `body` with the list's events, a chunk at a time, in order.
    func forEachRun(of list: List, _ body: (UnsafeBufferPointer<Event>) -> Void) {
        var chunk = list.first
        while chunk >= 0 {
            let n = chunk == list.last ? list.fill : Self.chunkSize
            body(UnsafeBufferPointer(start: events + Int(chunk) * Self.chunkSize, count: n))
            chunk = chunk == list.last ? -1 : next[Int(chunk)]
        }
    }

    /// Gives the list's chunks back to the pool and empties it.
    mutating func release(_ list: inout List) {
        if list.last >= 0 {
            next[Int(list.last)] = free
            free = list.first
        }
        list = List()
    }

    private mutating func newChunk() -> Int32 {
        if free >= 0 {
            let chunk = free
            free = next[Int(chunk)]
            return chunk
        }
        if used == capacity { grow() }
        used += 1
        return Int32(used - 1)
    }

    private mutating func grow() {
        let bigger = capacity * 2
        let moved = UnsafeMutablePointer<Event>.allocate(capacity: bigger * Self.chunkSize)
        moved.moveInitialize(from: events, count: used * Self.chunkSize)
        events.deallocate()
        events = moved
        let links = UnsafeMutablePointer<Int32>.allocate(capacity: bigger)
        links.moveInitialize(from: next, count: used)
        next.deallocate()
        next = links
        capacity = bigger
    }
}
