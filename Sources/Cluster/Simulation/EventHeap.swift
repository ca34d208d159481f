/// A 4-ary min-heap of events ordered by (time, insertion sequence): the event queue's store for
/// events too far ahead for its timing wheel.
struct EventHeap {
    /// Internal (not private): read by EventQueue+Invariants.swift, and corrupted by its tests.
    var items: [Event] = []

    var count: Int { items.count }
    var first: Event? { items.first }

    @inline(__always)
    static func before(_ a: Event, _ b: Event) -> Bool {
        a.time != b.time ? a.time < b.time : a.seq < b.seq
    }

    mutating func push(_ event: Event) {
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
