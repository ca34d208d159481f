/// The network model's state: messages in flight (a slab named by slot), FIFO link times,
/// partitions and isolation (ground truth, judged when a message arrives), and counters.
struct NetworkState {
    private var slab: [Message?] = []
    private var free: [Int32] = []
    /// Last delivery time per ordered pair (from, to), for FIFO links.
    var linkTimes: [UInt64: Micros] = [:]
    /// Partition group per node index (0: not named, reaches everyone).
    var group: [Int32: Int] = [:]
    var isolated: Set<Int32> = []
    var stats = MessageStats()

    mutating func store(_ message: Message) -> Int32 {
        if let slot = free.popLast() {
            slab[Int(slot)] = message
            return slot
        }
        slab.append(message)
        return Int32(slab.count - 1)
    }

    mutating func take(_ slot: Int32) -> Message? {
        guard slot >= 0, Int(slot) < slab.count, let m = slab[Int(slot)] else { return nil }
        slab[Int(slot)] = nil
        free.append(slot)
        return m
    }

    static func linkKey(_ from: Int32, _ to: Int32) -> UInt64 {
        (UInt64(UInt32(bitPattern: from)) << 32) | UInt64(UInt32(bitPattern: to))
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
