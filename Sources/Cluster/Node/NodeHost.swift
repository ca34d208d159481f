/// Everything a node's code may ask of the world it runs in: what a process on a real machine
/// has (a clock to read, timers, a network to send on, a source of randomness) and nothing more.
/// Node code (`NodeContext` and its extensions) sees the world only through this protocol, so the
/// compiler keeps it away from other nodes' state, the ground-truth ring, the name table and the
/// harness's collections. `SimulationHost` is the one host of a run; tests make their own
/// (Tests/ClusterTests/NodeHandlerTests.swift). See docs/design.md.
protocol NodeHost {
    /// The cluster's settings, which every node is configured with.
    var settings: Settings { get }
    /// How stamps compare (time, then the origin's name): a pure function, shared.
    var order: StampOrder { get }
    /// Virtual time, as the machine's hardware sees it: a node reads it through its own clock.
    func hardwareTime() -> Micros

    /// Sends a message from the node; the network decides what it meets on its way.
    func send(from node: NodeID, to: Endpoint, _ payload: consuming Payload)
    /// Arms one of the node's periodic timers `delay` of virtual time from now.
    func arm(_ node: NodeID, _ timer: NodeTimer, after delay: Micros)
    /// Arms the deadline of one of the node's coordinator requests (`timeout` from now).
    func armCoordinatorDeadline(_ node: NodeID, op: CoordinatorOpID)
    /// Arms the retransmission of one of the node's stream reports `delay` from now.
    func armReportRetransmit(_ node: NodeID, report: ReportID, after delay: Micros)
    /// A draw from the stream of randomness timers and peer choices use: in 0..<bound.
    func drawTimer(below bound: UInt64) -> UInt64
    /// A draw from the same stream, in lo...hi.
    func drawTimer(between lo: Micros, _ hi: Micros) -> Micros

    /// Ring positions of keys, by key id: the stable hash of each key's name, a pure function.
    var keyPositions: [UInt64] { get }
    /// The ring of `members` (ascending): built from their tokens, a pure function of their names
    /// and vnode counts, memoised across nodes. `previous` is the node's last ring, grown when it
    /// holds a subset of the members.
    func ring(of members: [NodeID], previous: (members: [NodeID], ring: Ring)) -> Ring

    /// Counters for `show stats`: what nodes did, tallied by the observer.
    func count(_ operation: OperationCounter, by n: Int)
    /// A report of `stream` is now awaiting acknowledgement at some node (the observer keeps the
    /// tally that *converged* and `settle` wait on); `reportRetired` when it no longer is.
    func reportPending(_ stream: StreamID)
    func reportRetired(_ stream: StreamID)
}

/// A node's code runs as methods of this context: `node` is the node's own state (its disk and
/// memory), `host` what it may ask of the world. Made afresh for each event, it holds no state.
struct NodeContext<Host: NodeHost> {
    let node: Node
    let host: Host

    init(node: Node, host: Host) {
        self.node = node
        self.host = host
    }

    var settings: Settings { host.settings }
    var order: StampOrder { host.order }
    /// The node's own clock reading: what its handlers take for "now".
    var now: Micros { node.clock.reading(at: host.hardwareTime()) }
    var keyPositions: [UInt64] { host.keyPositions }

    func position(of key: KeyID) -> UInt64 { host.keyPositions[key.index] }

    func send(to peer: Endpoint, _ payload: consuming Payload) { host.send(from: node.index, to: peer, payload) }

    func send(to peer: NodeID, _ payload: consuming Payload) { host.send(from: node.index, to: Endpoint(peer), payload) }

    func arm(_ timer: NodeTimer, after delay: Micros) { host.arm(node.index, timer, after: delay) }

    func count(_ operation: OperationCounter, by n: Int = 1) { host.count(operation, by: n) }

    var gossipPeriod: Micros { max(settings.gossip, Settings.minTimerPeriod) }
    var antiEntropyPeriod: Micros { max(settings.antientropy, Settings.minTimerPeriod) }
}
