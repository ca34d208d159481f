/// The simulation hosts every node: what a node asks of the world (`NodeHost`) is answered here,
/// and the harness runs a node's code through `context(_:)`.
extension Simulation: NodeHost {
    func context(_ node: Node) -> NodeContext<Simulation> { NodeContext(node: node, host: self) }

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
