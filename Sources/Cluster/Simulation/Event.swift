/// Timers a node arms for itself; each is re-armed when it fires.
enum NodeTimer: UInt8 {
    /// Heartbeat gossip, failure detection, rehash checks and hint delivery.
    case gossip
    /// Periodic anti-entropy round with every replica peer.
    case antiEntropy
    /// Retransmission of a graceful leave's handoff.
    case handoff
}

/// What happens when an event comes due. Small value payloads only: a message lives in the
/// network's slab and is named by its slot; closures (rare) live in a side table named by id.
enum EventKind {
    /// A message arrives at its receiver.
    case deliver(slot: Int32)
    /// A node timer fires; ignored when the node's incarnation changed since it was armed.
    case timer(node: NodeID, incarnation: UInt32, timer: NodeTimer)
    /// A client operation's deadline.
    case clientTimeout(client: Int32, op: ClientOpID)
    /// A coordinator's deadline for one of its requests.
    case coordinatorTimeout(node: NodeID, incarnation: UInt32, op: CoordinatorOpID)
    /// A stream report not yet acknowledged is sent again.
    case reportRetransmit(node: NodeID, incarnation: UInt32, report: ReportID)
    /// The client registers a reconnected stream again (its last re-registration failed);
    /// ignored when the stream was closed, disconnected or reconnected since.
    case streamResync(stream: StreamID, epoch: UInt32)
    /// The client renews an open stream's registration (every `renew`); ignored once the
    /// stream instance is closed.
    case streamRenew(stream: StreamID)
    /// A scheduled closure (`schedule(at:)`).
    case action(id: ActionID)
}

/// One entry of the event queue, ordered by (time, insertion sequence).
struct Event {
    var time: Micros
    var seq: UInt64
    var kind: EventKind
}
