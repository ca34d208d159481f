/// Elements named by rising ids (0, 1, 2, … in insertion order), kept in a window from the
/// oldest one still held: a ring buffer over one array, found by index (no hashing). Elements are
/// read and updated in place; a Deque's subscript would copy each element out, retaining every
/// array and closure it holds, on every lookup. A removed element's slot holds `filler` until the
/// window moves past it; ids are never reused, so a late lookup of a removed id finds nothing.
/// Whether a slot is held sits beside its element: one cache line for both, where a thousand
/// nodes' tables are rarely in cache.
struct IDWindow<Element> {
    // Internal (not private) from here on: read by IDWindow+Invariants.swift, and the counters
    // also corrupted by its tests.
    struct Slot {
        var element: Element
        var held: Bool
    }
    private(set) var storage: [Slot] = []
    /// Storage index of the window's first slot (id `base`).
    var head = 0
    /// Slots in the window, held or removed but not yet passed.
    var used = 0
    var base = 0
    private(set) var nextID = 0
    private(set) var count = 0
    private let filler: Element

    init(filler: Element) { self.filler = filler }

    var isEmpty: Bool { count == 0 }

    /// Adds an element; returns its id.
    mutating func append(_ element: consuming Element) -> Int {
        if used == storage.count { grow() }
        if used == 0 { base = nextID }
        let i = (head + used) & (storage.count - 1)
        storage[i] = Slot(element: element, held: true)
        used += 1
        count += 1
        nextID += 1
        #if DEBUG
        checkInvariants(thorough: false)
        #endif
        return nextID - 1
    }

    /// The storage index of a held id.
    @inline(__always)
    private func index(_ id: Int) -> Int? {
        let k = id - base
        guard k >= 0, k < used else { return nil }
        let i = (head + k) & (storage.count - 1)
        return storage[i].held ? i : nil
    }

    func contains(_ id: Int) -> Bool { index(id) != nil }

    /// A copy of the element (for lookups off the hot path; `read` and `update` copy nothing).
    subscript(id: Int) -> Element? { index(id).map { storage[$0].element } }

    /// `body` of the element, read in place; nil when the id is not held. (Through a pointer,
    /// whose subscript lends the element: the array's would copy it, retaining all it holds.)
    func read<R>(_ id: Int, _ body: (Element) -> R) -> R? {
        guard let i = index(id) else { return nil }
        return storage.withUnsafeBufferPointer { body($0.baseAddress.unsafelyUnwrapped[i].element) }
    }

    /// Runs `body` on the element in place; nil when the id is not held.
    mutating func update<R>(_ id: Int, _ body: (inout Element) -> R) -> R? {
        guard let i = index(id) else { return nil }
        return body(&storage[i].element)
    }

    /// Removes the element and returns it (moved out, not copied).
    mutating func remove(_ id: Int) -> Element? {
        guard let i = index(id) else { return nil }
        var element = filler
        swap(&element, &storage[i].element)
        release(i)
        return element
    }

    /// Removes the element.
    mutating func discard(_ id: Int) {
        guard let i = index(id) else { return }
        storage[i].element = filler
        release(i)
    }

    private mutating func release(_ i: Int) {
        storage[i].held = false
        count -= 1
        let mask = storage.count - 1
        while used > 0 && !storage[head].held {
            head = (head + 1) & mask
            used -= 1
            base += 1
        }
        #if DEBUG
        checkInvariants(thorough: false)
        #endif
    }

    /// Held ids, oldest first.
    var ids: [Int] {
        (0..<used).compactMap { k in storage[(head + k) & (storage.count - 1)].held ? base + k : nil }
    }

    /// Held elements with their ids, oldest first.
    var elements: [(id: Int, element: Element)] {
        (0..<used).compactMap { k in
            let i = (head + k) & (storage.count - 1)
            return storage[i].held ? (base + k, storage[i].element) : nil
        }
    }

    /// Forgets every element; ids keep rising.
    mutating func removeAll() {
        storage = []
        head = 0
        used = 0
        count = 0
        base = nextID
        #if DEBUG
        checkInvariants()
        #endif
    }

    private mutating func grow() {
        let capacity = max(16, storage.count * 2)
        var bigger = [Slot](repeating: Slot(element: filler, held: false), count: capacity)
        let mask = storage.count - 1
        for k in 0..<used { swap(&bigger[k], &storage[(head + k) & mask]) }
        storage = bigger
        head = 0
        #if DEBUG
        checkInvariants()
        #endif
    }
}
