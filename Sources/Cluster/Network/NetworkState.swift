/// The network model's state: messages in flight (a slab named by slot, shared by copies of this
/// state), FIFO link times, partitions and isolation (ground truth, judged when a message
/// arrives), and counters.
struct NetworkState {
    private let slab = MessageSlab()
    /// Last delivery time per ordered pair (from, to), for FIFO links: a square matrix over
    /// endpoints (the client, then nodes by index), grown as nodes are added.
    private var linkTimes: [Micros] = []
    private var endpoints = 0
    /// Partition group per node index (0: not named, reaches everyone).
    var group: [Int32: Int] = [:]
    var isolated: Set<Int32> = []
    var stats = MessageStats()

    // `mutating`, though the slab is a class: a call then reads this state in place rather than
    // copying it (and retaining every array it holds).
    mutating func store(_ message: consuming Message) -> Int32 { slab.store(message) }

    mutating func take(_ slot: Int32) -> Message? { slab.take(slot) }

    /// The delivery time of a message sent now to arrive at `at`, kept no earlier than the last
    /// one on the same link (FIFO, like TCP).
    mutating func fifoArrival(from: Int32, to: Int32, at: Micros) -> Micros {
        let a = Int(from) + 1, b = Int(to) + 1
        if a >= endpoints || b >= endpoints { growLinks(to: max(a, b) + 1) }
        let i = a * endpoints + b
        let time = max(at, linkTimes[i])
        linkTimes[i] = time
        return time
    }

    private mutating func growLinks(to size: Int) {
        let newSize = max(size, endpoints + endpoints / 2, 8)
        var grown = [Micros](repeating: 0, count: newSize * newSize)
        for a in 0..<endpoints {
            for b in 0..<endpoints { grown[a * newSize + b] = linkTimes[a * endpoints + b] }
        }
        linkTimes = grown
        endpoints = newSize
    }

    /// Whether partitions or isolation cut the link between two endpoints (nodes only).
    func isCut(_ a: Int32, _ b: Int32) -> Bool {
        if a < 0 || b < 0 || a == b { return false }
        if isolated.contains(a) || isolated.contains(b) { return true }
        let ga = group[a] ?? 0, gb = group[b] ?? 0
        return ga != 0 && gb != 0 && ga != gb
    }
}

/// Message counts by kind (indexed by `MessageKind.rawValue`).
struct MessageStats {
    var sent = [Int](repeating: 0, count: MessageKind.allCases.count)
    var delivered = [Int](repeating: 0, count: MessageKind.allCases.count)
    var dropped = [Int](repeating: 0, count: MessageKind.allCases.count)
    var totalSent = 0, totalDelivered = 0, totalDropped = 0
}
