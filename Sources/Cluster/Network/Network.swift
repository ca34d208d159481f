/// The network model (docs/decisions.md; the language reference's "Network model"), and the one
/// place that decides what a message meets on its way: lost or not and its delay, drawn from the
/// network's own random stream when it is sent (`depart`); its arrival no earlier than the last on
/// its link (FIFO, like TCP); and, when it arrives, whether a partition or isolation cuts it (judged
/// then, so messages in flight are cut too) or its receiver is killed, removed or paused
/// (`arrive`). It holds the messages in flight (a slab named by slot, shared by copies of this
/// value) and counts every message by kind. It knows endpoints by number only: the harness says
/// what state a receiver is in, and traces and dispatches what is delivered.
struct Network {
    private let slab = MessageSlab()
    /// Message delays and loss (the seed's first derived stream; see `RandomStreams`).
    var random: Xoshiro256StarStar
    /// Last delivery time per ordered pair (from, to), for FIFO links: a square matrix over
    /// endpoints (the client, then nodes by index), grown as nodes are added.
    private var linkTimes: [Micros] = []
    private var endpoints = 0
    /// Partition group per node index (0: not named, reaches everyone).
    private var group: [NodeID: Int] = [:]
    private var isolated: Set<NodeID> = []
    private(set) var stats = MessageStats()

    /// Clients are endpoints -1, -2, …: link indices start at the last client.
    private let clientCount: Int

    init(random: Xoshiro256StarStar, clients: Int = 1) {
        self.random = random
        clientCount = clients
    }

    /// What became of a message handed to the network.
    enum Departure {
        /// Lost on the way (counted as dropped).
        case lost
        /// On its way: it reaches its receiver's host at this time.
        case arrives(at: Micros)
    }

    /// Decides the fate of a message of `kind` sent now from `from` to `to`: lost with probability
    /// `lossPPM`, else delayed by a latency drawn from `latency` and kept behind earlier messages
    /// on the same link. Counts it as sent (and dropped when lost).
    mutating func depart(_ kind: MessageKind, from: Endpoint, to: Endpoint, now: Micros,
                         latency: ClosedRange<Micros>, lossPPM: Int) -> Departure {
        stats.sent[kind.rawValue] += 1
        stats.totalSent += 1
        if random.chance(ppm: lossPPM) {
            countDropped(kind)
            return .lost
        }
        let delay = random.between(latency.lowerBound, latency.upperBound)
        return .arrives(at: fifoArrival(from: from, to: to, at: now &+ delay))
    }

    /// The state of a message's receiver when it arrives, as the harness knows it.
    enum Receiver {
        case client, running, paused, killed, removed
    }

    /// What a message meets when it reaches its receiver's host.
    enum Arrival {
        /// Handed to the receiver (counted as delivered).
        case deliver
        /// Dropped, and why (counted as dropped).
        case drop(why: String)
        /// Waits at a paused receiver, in order, until it resumes (counted when it is handled).
        case wait
    }

    /// Judges a message that arrives now at `receiver`: a client always receives; a removed or
    /// killed node loses it; a partition or isolation between sender and receiver cuts it; a
    /// paused node keeps it waiting.
    mutating func arrive(_ message: borrowing Message, at receiver: Receiver) -> Arrival {
        let fate: Arrival
        switch receiver {
        case .client: fate = .deliver
        case .removed: fate = .drop(why: "removed")
        case .killed: fate = .drop(why: "killed")
        case .running, .paused:
            if isCut(message.from, message.to) {
                fate = .drop(why: "partition")
            } else {
                fate = receiver == .paused ? .wait : .deliver
            }
        }
        switch fate {
        case .deliver: countDelivered(message.payload.kind)
        case .drop: countDropped(message.payload.kind)
        case .wait: break
        }
        return fate
    }

    /// A message that waited at a paused receiver is handled now.
    mutating func countDelivered(_ kind: MessageKind) {
        stats.delivered[kind.rawValue] += 1
        stats.totalDelivered += 1
    }

    private mutating func countDropped(_ kind: MessageKind) {
        stats.dropped[kind.rawValue] += 1
        stats.totalDropped += 1
    }

    // MARK: Partitions

    /// Replaces the partition (isolations stay).
    mutating func partition(_ assignment: [NodeID: Int]) { group = assignment }

    mutating func isolate(_ node: NodeID) { isolated.insert(node) }

    /// Removes every partition and isolation.
    mutating func heal() {
        group = [:]
        isolated = []
    }

    /// A removed node is named in no partition any more.
    mutating func forget(_ node: NodeID) {
        group[node] = nil
        isolated.remove(node)
    }

    // `mutating`, though the slab is a class: a call then reads this state in place rather than
    // copying it (and retaining every array it holds).
    mutating func store(_ message: consuming Message) -> Int32 { slab.store(message) }

    mutating func take(_ slot: Int32) -> Message? { slab.take(slot) }

    /// The delivery time of a message sent now to arrive at `at`, kept no earlier than the last
    /// one on the same link (FIFO, like TCP).
    private mutating func fifoArrival(from: Endpoint, to: Endpoint, at: Micros) -> Micros {
        let a = Int(from.raw) + clientCount, b = Int(to.raw) + clientCount
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
    func isCut(_ a: Endpoint, _ b: Endpoint) -> Bool {
        if a.raw < 0 || b.raw < 0 || a == b { return false }
        let a = NodeID(a.raw), b = NodeID(b.raw)
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
