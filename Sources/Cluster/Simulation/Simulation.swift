/// The deterministic simulation: one clock, one event queue, one seed. Owns the nodes, the
/// network, the client's table and the stream delivery points. `Cluster` is its public face.
///
/// How it fits together (folder = concept):
/// - Simulation/: virtual time in µs; `EventQueue` ordered by time, then insertion (a calendar
///   queue for deliveries, a FIFO lane for deadlines, a 4-ary heap for the rest);
///   `RandomStreams` (SplitMix64 derives one xoshiro256** stream per purpose from the seed:
///   network, timers, workload, chaos); node lifecycle commands.
/// - Network/: every interaction is a `Message` (value type, kept in a slab while in flight);
///   latency drawn per message, loss, FIFO per ordered pair, partitions judged at arrival,
///   killed receivers lose, paused receivers buffer.
/// - Ring/: tokens = FNV-1a 64 of "name#i" through the SplitMix64 finaliser; keys hash the same
///   way. Each node builds its ring from its own view; the ground truth has its own.
/// - Membership/: heartbeat = the node's virtual time at its tick; gossip to `fanout` peers held
///   up plus one held down; down after `suspect` of silence, with the down time agreed (earliest
///   last-growth, gossiped), so every node takes a node out at the same `downAt + rehash`.
/// - Storage/: interned ids; per field (field, value, HLC stamp); object tombstones; stream
///   registrations stored with the data. Merge is a join, so exchanged replicas are equal.
/// - Replication/: coordinators with R/W quorums and timeouts, sloppy quorum with hints, read
///   repair, Merkle-tree anti-entropy per range (periodic, and at once on ring change or a peer
///   coming back), graceful-leave handoff; data of keys a node no longer owns (by its view) goes to the
///   owners as hints (rehoming), pending for *converged* until they hold it.
/// - LiveQuery/: replicas report changes of selected fields, retransmitted until acknowledged;
///   the client's delivery point merges by stamp and delivers on a change of values.
/// - Inspection/: the four clauses of *converged*, and `show` tables (ground truth, read-only).
///
/// Limits a user cannot exceed by typing: at most `maxVnodes` tokens per node, and timer periods
/// of at least `minTimerPeriod`.
final class Simulation {
    @exclusivity(unchecked) var settings: Settings
    /// Virtual time and the event queue.
    @exclusivity(unchecked) var kernel = Kernel()
    @exclusivity(unchecked) var random: RandomStreams

    let keys = Interner(reserveZero: false)
    let fields = Interner(reserveZero: false)
    /// Value id 0 is the field tombstone.
    let values = Interner(reserveZero: true)
    /// Node names (id 0 reserved: the zero stamp's origin).
    let names = Interner(reserveZero: true)
    let order: StampOrder
    /// Ring position of each key id.
    @exclusivity(unchecked) var keyPositions: [UInt64] = []

    /// Every node ever added, by index (removed ones stay, marked).
    @exclusivity(unchecked) var nodes: [Node] = []
    /// The machine each node runs on, by the same index: ground truth.
    @exclusivity(unchecked) var machines: [Machine] = []
    /// Current node index of each name in the cluster.
    @exclusivity(unchecked) var nameIndex: [String: NodeID] = [:]
    @exclusivity(unchecked) var network: Network

    /// The clients (`Client.swift`); the language drives the first.
    let clients: [Client]
    /// The client the language drives.
    var client: Client { clients[0] }
    /// Rings shared between nodes whose views hold the same members.
    @exclusivity(unchecked) var rings = RingCache()
    @exclusivity(unchecked) var actions: [ActionID: () -> Void] = [:]
    @exclusivity(unchecked) var nextAction = ActionID(0)

    /// Nodes leaving gracefully (`beginRemove`), with what to call when each leave ends.
    @exclusivity(unchecked) var leaving: [NodeID: (completion: (RemoveOutcome) -> Void, deadline: ActionID)] = [:]

    /// Every stream instance's views, for `check` (see Checking/StreamLog.swift): ground truth.
    @exclusivity(unchecked) var streamLogs: [StreamLog] = []
    @exclusivity(unchecked) var streamLogIndex: [StreamID: Int] = [:]
    /// Disks lost with what they held (wiped, or dropped with their node), for `check`.
    @exclusivity(unchecked) var lostDisks: [LostDisk] = []
    /// Stream instances are numbered across clients: registrations are stored by instance.
    @exclusivity(unchecked) var nextStreamInstance = StreamID(1)
    /// Unacknowledged reports per stream instance, held by nodes not killed.
    @exclusivity(unchecked) var inFlightReports: [StreamID: Int] = [:]
    @exclusivity(unchecked) var operationCounts = [Int](repeating: 0, count: OperationCounter.allCases.count)

    /// Ground-truth ring (all members), rebuilt when membership changes.
    @exclusivity(unchecked) var truthRing = Ring()
    @exclusivity(unchecked) var truthRingDirty = true

    @exclusivity(unchecked) var onEvent: ((ClusterEvent) -> Void)?
    @exclusivity(unchecked) var tracing = false
    /// Listens to the run for a report (`RunRecorder`); nil unless asked for.
    @exclusivity(unchecked) var recorder: RunRecorder?
    @exclusivity(unchecked) var interruptRequested: (() -> Bool)?

    var now: Micros { kernel.now }
    /// Events the kernel has run (deliveries, timers, deadlines), for rates.
    var eventsRun: Int { kernel.eventsRun }

    init(seed: UInt64, settings: Settings, clients: Int = 1) {
        self.settings = settings
        self.clients = (0..<max(1, clients)).map(Client.init)
        random = RandomStreams(seed: seed)
        network = Network(random: random.network, clients: self.clients.count)
        order = StampOrder(names: names)
    }

    func reseed(_ seed: UInt64) {
        random = RandomStreams(seed: seed)
        network.random = random.network
    }

    /// Most tokens one node takes on the ring, whatever `vnodes` says: a user may type
    /// `vnodes=1000000000`, which must not exhaust memory (documented limit).
    static let maxVnodes = 4096

    // MARK: Names

    func internKey(_ key: String) -> KeyID {
        let id = keys.intern(key)
        while keyPositions.count <= Int(id) {
            keyPositions.append(StableHash.position(ofByteHash: keys.byteHash(of: UInt32(keyPositions.count))))
        }
        return KeyID(id)
    }

    func position(of key: KeyID) -> UInt64 { keyPositions[key.index] }

    func endpointName(_ e: Endpoint) -> String {
        if let c = e.client { return c == 0 ? "client" : "client\(c + 1)" }
        return Int(e.raw) < nodes.count ? nodes[Int(e.raw)].name : "?"
    }

    func endpointName(_ n: NodeID) -> String { endpointName(Endpoint(n)) }

    /// The client an endpoint names, if it is one of this simulation's.
    func client(at endpoint: Endpoint) -> Client? {
        endpoint.client.flatMap { $0 < clients.count ? clients[$0] : nil }
    }

    /// The client that has stream `instance` open.
    func client(holding instance: StreamID) -> Client? {
        clients.first { $0.streamNames[instance] != nil }
    }

    /// The node a name refers to, if it is in the cluster.
    func node(named name: String) throws(ClusterError) -> Node {
        guard let i = nameIndex[name] else {
            throw ClusterError(.notInCluster, subject: name, "node \(name) is not in the cluster")
        }
        return nodes[i.index]
    }

    /// Nodes in the cluster, in the order they were added.
    var members: [Node] { nodes.filter { !machines[$0.index].removed } }

    func count(_ operation: OperationCounter, by n: Int = 1) { operationCounts[operation.rawValue] += n }

    // MARK: The run loop

    /// Schedules `kind` at `time` (never before now).
    func schedule(_ kind: EventKind, at time: Micros) {
        kernel.schedule(kind, at: time)
    }

    /// Schedules an operation's deadline, `settings.timeout` from now (see `EventQueue.pushDeadline`).
    func scheduleDeadline(_ kind: EventKind) {
        kernel.scheduleDeadline(kind, after: settings.timeout)
    }

    /// Runs every event due at or before `time`, then sets the clock to `time` (if later).
    /// `stop` is checked after each event; returns true when it stopped the run.
    @discardableResult
    func run(until time: Micros, stop: (() -> Bool)? = nil) -> Bool {
        while let event = kernel.next(notAfter: time) {
            dispatch(event)
            if !leaving.isEmpty { settleLeaves() }
            if let stop, stop() { return true }
            if eventsRun & 0x3FFF == 0, let interrupt = interruptRequested, interrupt() { return true }
        }
        kernel.advance(to: time)
        return false
    }

    private func dispatch(_ event: Event) {
        switch event.kind {
        case .deliver(let slot):
            arrive(slot)
        case .timer(let n, let incarnation, let timer):
            let machine = machines[n]
            guard machine.incarnation == incarnation, machine.state == .running, !machine.removed else { return }
            let node = context(nodes[n])
            switch timer {
            case .gossip: node.gossipTick()
            case .antiEntropy: node.antiEntropyTick()
            case .handoff: node.handoffTick()
            }
        case .clientTimeout(let c, let op):
            completeClientOp(clients[Int(c)], op, result: .failed(reason: "timed out after \(Durations.text(settings.timeout))"),
                             object: nil)
        case .coordinatorTimeout(let n, let incarnation, let op):
            guard machines[n].incarnation == incarnation else { return }
            context(nodes[n]).finishCoordinatorOp(op, timedOut: true)
        case .reportRetransmit(let n, let incarnation, let report):
            guard machines[n].incarnation == incarnation, machines[n].state == .running else { return }
            context(nodes[n]).retransmitReport(report)
        case .streamResync(let stream, let epoch):
            resync(stream: stream, epoch: epoch)
        case .streamRenew(let stream):
            renew(stream: stream)
        case .action(let id):
            if let action = actions.removeValue(forKey: id) { action() }
        }
    }

    /// Runs `action` at `time` (now or later); returns its id, for `cancelAction`.
    @discardableResult
    func scheduleAction(at time: Micros, _ action: @escaping () -> Void) -> ActionID {
        let id = nextAction
        nextAction.raw &+= 1
        actions[id] = action
        schedule(.action(id: id), at: time)
        return id
    }

    /// A scheduled action that has not run yet will not run.
    func cancelAction(_ id: ActionID) { actions[id] = nil }

    func emit(_ event: ClusterEvent) {
        if let recorder, case .delivery(let view) = event { recorder.view(view, at: now) }
        onEvent?(event)
    }
}
