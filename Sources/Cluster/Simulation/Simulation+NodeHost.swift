/// The simulation hosts every node: what a node asks of the world (`NodeHost`) is answered here,
/// and the harness runs a node's code through `context(_:)`.
extension Simulation {
    func context(_ node: Node) -> NodeContext<SimulationHost> {
        NodeContext(node: node, host: SimulationHost(simulation: Unmanaged.passUnretained(self)))
    }

    func hardwareTime() -> Micros { now }

    /// A timer carries the node's incarnation: one armed before a kill, pause, resume or restart
    /// is void.
    func arm(_ node: NodeID, _ timer: NodeTimer, after delay: Micros) {
        schedule(.timer(node: node, incarnation: machines[node].incarnation, timer: timer), at: now &+ delay)
    }

    func armCoordinatorDeadline(_ node: NodeID, op: CoordinatorOpID) {
        scheduleDeadline(.coordinatorTimeout(node: node, incarnation: machines[node].incarnation, op: op))
    }

    func armReportRetransmit(_ node: NodeID, report: ReportID, after delay: Micros) {
        schedule(.reportRetransmit(node: node, incarnation: machines[node].incarnation, report: report), at: now &+ delay)
    }

    func drawTimer(below bound: UInt64) -> UInt64 { random.timers.below(bound) }

    func drawTimer(between lo: Micros, _ hi: Micros) -> Micros { random.timers.between(lo, hi) }

    func ring(of members: [NodeID], previous: (members: [NodeID], ring: Ring)) -> Ring {
        rings.ring(of: members, previous: previous) { n in n.index < nodes.count ? nodes[n.index].tokens : [] }
    }

    func reportPending(_ stream: StreamID) { inFlightReports[stream, default: 0] += 1 }

    /// One report (or pending re-registration) of `stream` is no longer in flight.
    func reportRetired(_ stream: StreamID) {
        let n = (inFlightReports[stream] ?? 1) - 1
        inFlightReports[stream] = n > 0 ? n : nil
    }
}

/// The simulation as a node's host. It holds the simulation unretained: a context lives only while
/// the simulation runs one of its events, and a retained reference would cost a retain and a
/// release for every message delivered (about 3% of a put) and one at each use if `unowned`.
struct SimulationHost: NodeHost {
    let simulation: Unmanaged<Simulation>

    @inline(__always)
    private func with<T>(_ body: (Simulation) -> T) -> T { simulation._withUnsafeGuaranteedRef(body) }

    var settings: Settings { with { $0.settings } }
    var order: StampOrder { with { $0.order } }
    var keyPositions: [UInt64] { with { $0.keyPositions } }
    func hardwareTime() -> Micros { with { $0.now } }
    func send(from node: NodeID, to: Endpoint, _ payload: consuming Payload) {
        let payload = payload
        with { $0.send(from: node, to: to, payload) }
    }
    func arm(_ node: NodeID, _ timer: NodeTimer, after delay: Micros) { with { $0.arm(node, timer, after: delay) } }
    func armCoordinatorDeadline(_ node: NodeID, op: CoordinatorOpID) { with { $0.armCoordinatorDeadline(node, op: op) } }
    func armReportRetransmit(_ node: NodeID, report: ReportID, after delay: Micros) {
        with { $0.armReportRetransmit(node, report: report, after: delay) }
    }
    func drawTimer(below bound: UInt64) -> UInt64 { with { $0.drawTimer(below: bound) } }
    func drawTimer(between lo: Micros, _ hi: Micros) -> Micros { with { $0.drawTimer(between: lo, hi) } }
    func ring(of members: [NodeID], previous: (members: [NodeID], ring: Ring)) -> Ring {
        with { $0.ring(of: members, previous: previous) }
    }
    func count(_ operation: OperationCounter, by n: Int) { with { $0.count(operation, by: n) } }
    func reportPending(_ stream: StreamID) { with { $0.reportPending(stream) } }
    func reportRetired(_ stream: StreamID) { with { $0.reportRetired(stream) } }
}
