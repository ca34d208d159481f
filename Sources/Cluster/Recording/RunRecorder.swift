/// Watches a run for `kvrepl --report` and `--shiviz`: every message from send to its end, every
/// client operation, fault, stream view, `check` finding and expectation, with virtual times.
///
/// It only listens: the simulation calls it where it would trace, and it draws no random number,
/// schedules nothing and reads nothing the nodes decide by. A run with a recorder behaves
/// byte for byte as one without. Hosts (nodes and clients) are numbered in order of first mention.
public final class RunRecorder {
    /// How a message ended.
    public enum Fate: Equatable, Sendable {
        /// Handed to its receiver (`waited`: it first waited at a paused receiver).
        case delivered(waited: Bool)
        /// Dropped on arrival (`killed`, `removed`, `partition`), or when its receiver was killed
        /// or removed while it waited there.
        case dropped(String)
        /// Lost by the network as it was sent.
        case lost
        /// Still on its way when the run ended.
        case inFlight
    }

    public struct Message: Sendable {
        public var from: Int32
        public var to: Int32
        /// `MessageKind` name: request, reply, write, write-ack, …, gossip, ae-tree, …
        public var kind: String
        public var sent: Micros
        /// Arrival (or drop) time; `sent` when lost; the expected arrival while in flight.
        public var ended: Micros
        public var fate: Fate
        /// What it carries, in words (the trace's text, with the data it carries).
        public var text: String
        /// The message whose delivery made the sender send this one (-1: a timer, a command).
        public var cause: Int32
        /// The client operation it belongs to (index into `operations`), or -1.
        public var operation: Int32
        /// Order of the send and of the end among all the run's message events (for vector clocks).
        public var sendOrder: Int32
        public var endOrder: Int32
    }

    public enum OperationEnd: String, Sendable {
        case ok, failed, timedOut = "timed out", inFlight = "in flight"
    }

    public struct Operation: Sendable {
        public var client: Int32
        /// The request in words (`put k a=1`, `stream registration on k`).
        public var request: String
        public var key: String
        /// The node the client sent it to (-1: none was running).
        public var coordinator: Int32
        public var started: Micros
        public var ended: Micros?
        public var end: OperationEnd
        /// The result in words (`ok (2 acks, via n1)`, `a=1`, `failed: …`).
        public var result: String
        public var isRegistration: Bool
    }

    public struct Fault: Sendable {
        /// add, kill, wipe, restart, pause, resume, partition, isolate, heal, leave, remove, config.
        public var kind: String
        public var time: Micros
        /// The nodes it concerns (host numbers); partition: every node named in a group.
        public var hosts: [Int32]
        /// Partition: the groups, as host numbers; config: the command's text in `detail`.
        public var groups: [[Int32]]
        public var detail: String
    }

    public struct View: Sendable {
        public var time: Micros
        public var stream: String
        public var sequence: Int
        public var key: String
        public var fields: String
    }

    public struct Finding: Sendable {
        public var text: String
        /// The client operation it names (index into `operations`), or -1.
        public var operation: Int32
        public var key: String?
    }

    public struct Check: Sendable {
        public var time: Micros
        public var converged: Bool
        public var findings: [Finding]
    }

    public struct Expectation: Sendable {
        public var time: Micros
        public var held: Bool
        /// `file:line` (with the iteration inside `repeat`).
        public var location: String
        public var text: String
        public var expected: String
        public var seen: String
        /// The client operation its command ran, or -1.
        public var operation: Int32
        /// The `check` it reports (index into `checks`), or -1.
        public var check: Int32
    }

    /// A node's tokens as fractions of the ring (0 ≤ position < 1), clockwise from the top.
    public struct RingSnapshot: Sendable {
        public var time: Micros
        public var replicas: Int
        public var tokens: [(host: Int32, position: Double)]
    }

    public private(set) var hosts: [String] = []
    public private(set) var messages: [Message] = []
    public private(set) var operations: [Operation] = []
    public private(set) var faults: [Fault] = []
    public private(set) var views: [View] = []
    public private(set) var checks: [Check] = []
    public private(set) var expectations: [Expectation] = []
    public internal(set) var ringAtStart: RingSnapshot?
    /// Ring positions of the keys the run used, by key.
    public internal(set) var keyPositions: [(key: String, position: Double)] = []

    private var hostIndex: [String: Int32] = [:]
    /// The message held in each slot of the network's slab.
    private var slotMessage: [Int32] = []
    /// The message being handled now (its sends are caused by it), or -1.
    var current: Int32 = -1
    private var order: Int32 = 0
    /// Operation number per (client endpoint, client op id).
    private var operationIndex: [Int64: Int32] = [:]
    /// The first operation started since the command being run began.
    private var commandFirstOperation = 0
    private var pendingCheck: Int32 = -1

    public init() {}

    public func host(_ name: String) -> Int32 {
        if let i = hostIndex[name] { return i }
        let i = Int32(hosts.count)
        hosts.append(name)
        hostIndex[name] = i
        return i
    }

    // MARK: Messages (called by the simulation)

    private func nextOrder() -> Int32 {
        order += 1
        return order
    }

    /// Returns the message's number, for `bind`.
    func sent(_ from: String, _ to: String, kind: MessageKind, text: String, at time: Micros,
              arrives: Micros?, operation: Int32) -> Int32 {
        let cause = current
        var op = operation
        if op < 0, cause >= 0, Self.followsOperation(kind) { op = messages[Int(cause)].operation }
        let o = nextOrder()
        messages.append(Message(from: host(from), to: host(to), kind: kind.name, sent: time, ended: arrives ?? time,
                                fate: arrives == nil ? .lost : .inFlight, text: text, cause: cause,
                                operation: op, sendOrder: o, endOrder: arrives == nil ? o : 0))
        return Int32(messages.count - 1)
    }

    /// Messages that a coordinator or replica sends in answer to an operation's messages.
    private static func followsOperation(_ kind: MessageKind) -> Bool {
        switch kind {
        case .write, .writeAck, .read, .readReply, .reply, .repair: true
        default: false
        }
    }

    /// The message numbered `id` is held in the network's `slot`.
    func bind(_ slot: Int32, _ id: Int32) {
        let s = Int(slot)
        if s >= slotMessage.count { slotMessage += Array(repeating: -1, count: s + 1 - slotMessage.count) }
        slotMessage[s] = id
    }

    private func message(in slot: Int32) -> Int32 {
        Int(slot) < slotMessage.count ? slotMessage[Int(slot)] : -1
    }

    /// The message in `slot` reached its receiver now and was handed over; it is now `current`.
    func delivered(slot: Int32, at time: Micros, waited: Bool) {
        let id = message(in: slot)
        guard id >= 0 else { return }
        messages[Int(id)].ended = time
        messages[Int(id)].fate = .delivered(waited: waited)
        messages[Int(id)].endOrder = nextOrder()
        current = id
    }

    func dropped(slot: Int32, at time: Micros, why: String) {
        let id = message(in: slot)
        guard id >= 0 else { return }
        messages[Int(id)].ended = time
        messages[Int(id)].fate = .dropped(why)
        messages[Int(id)].endOrder = nextOrder()
    }

    /// A message waiting at a paused receiver moved from slot `from` to slot `to`.
    func moved(from: Int32, to: Int32) {
        let id = message(in: from)
        if id >= 0 { bind(to, id) }
    }

    func handled() { current = -1 }

    // MARK: Operations, faults, views

    func operationStarted(client: String, op: Int32, request: String, key: String, coordinator: String?,
                          at time: Micros, registration: Bool) -> Int32 {
        let c = host(client)
        let index = Int32(operations.count)
        operations.append(Operation(client: c, request: request, key: key, coordinator: coordinator.map(host) ?? -1,
                                    started: time, ended: nil, end: .inFlight, result: "", isRegistration: registration))
        operationIndex[Int64(c) << 32 | Int64(op)] = index
        return index
    }

    func operation(client: String, op: Int32) -> Int32 {
        operationIndex[Int64(host(client)) << 32 | Int64(op)] ?? -1
    }

    func operationEnded(client: String, op: Int32, result: ClientResult, at time: Micros) {
        let index = operation(client: client, op: op)
        guard index >= 0 else { return }
        operations[Int(index)].ended = time
        switch result {
        case .written(let acks, let coordinator):
            operations[Int(index)].end = .ok
            operations[Int(index)].result = "ok (\(acks) acks, via \(coordinator))"
        case .read(let fields, let replies, let coordinator):
            operations[Int(index)].end = .ok
            let value = fields.map { $0.isEmpty ? "(no fields)" : $0.map { "\($0.field)=\(Quoting.word($0.value))" }.joined(separator: " ") } ?? "absent"
            operations[Int(index)].result = "\(value) (\(replies) replies, via \(coordinator))"
        case .failed(let reason):
            operations[Int(index)].end = reason.hasPrefix("timed out") ? .timedOut : .failed
            operations[Int(index)].result = "failed: \(reason)"
        }
    }

    func fault(_ kind: String, _ nodes: [String], at time: Micros, groups: [[String]] = [], detail: String = "") {
        faults.append(Fault(kind: kind, time: time, hosts: nodes.map(host), groups: groups.map { $0.map(host) },
                            detail: detail))
    }

    func view(_ view: StreamView, at time: Micros) {
        let fields = view.fields.map { "\($0.field)=\(Quoting.word($0.value))" }.joined(separator: " ")
        views.append(View(time: time, stream: view.stream, sequence: view.sequence, key: view.key,
                          fields: fields.isEmpty ? "(empty)" : fields))
    }

    func checked(at time: Micros, converged: Bool, findings: [Finding]) {
        checks.append(Check(time: time, converged: converged, findings: findings))
        pendingCheck = Int32(checks.count - 1)
    }

    // MARK: Commands and expectations (called by the language)

    /// A command begins: an expectation recorded before the next one concerns the first
    /// operation started from here. A `config` command is kept as a mark.
    public func commandBegins(_ text: String, at time: Micros) {
        commandFirstOperation = operations.count
        if text.hasPrefix("config ") { fault("config", [], at: time, detail: text) }
    }

    public func expectation(held: Bool, location: String, text: String, expected: String, seen: String,
                            at time: Micros) {
        let op = commandFirstOperation < operations.count ? Int32(commandFirstOperation) : -1
        let check = text.hasPrefix("check") ? pendingCheck : -1
        if check >= 0 { pendingCheck = -1 }
        expectations.append(Expectation(time: time, held: held, location: location, text: text, expected: expected,
                                        seen: seen, operation: op, check: check))
    }
}
