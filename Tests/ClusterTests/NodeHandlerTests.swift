import Testing
@testable import Cluster

/// A node's handlers run against a host made here, with no simulation: node code sees the world
/// only through `NodeHost` (docs/design.md), so what it sends, arms and stores can be checked
/// message by message.
@Suite struct NodeHandlerTests {
    /// Records what the node asks of the world; answers with fixed time and draws.
    final class RecordingHost: NodeHost {
        var settings = Settings()
        let names = Interner(reserveZero: true)
        let order: StampOrder
        var time: Micros = 5_000_000
        var keyPositions: [UInt64] = []
        var tokens: [NodeID: [UInt64]] = [:]
        var sent: [(from: NodeID, to: Endpoint, payload: Payload)] = []
        var timers: [(node: NodeID, timer: NodeTimer, after: Micros)] = []
        var deadlines: [(node: NodeID, op: CoordinatorOpID)] = []
        var pendingReports: [StreamID: Int] = [:]

        init() { order = StampOrder(names: names) }

        func hardwareTime() -> Micros { time }
        func send(from node: NodeID, to: Endpoint, _ payload: consuming Payload) { sent.append((node, to, payload)) }
        func arm(_ node: NodeID, _ timer: NodeTimer, after delay: Micros) { timers.append((node, timer, delay)) }
        func armCoordinatorDeadline(_ node: NodeID, op: CoordinatorOpID) { deadlines.append((node, op)) }
        func armReportRetransmit(_ node: NodeID, report: ReportID, after delay: Micros) {}
        func drawTimer(below bound: UInt64) -> UInt64 { 0 }
        func drawTimer(between lo: Micros, _ hi: Micros) -> Micros { lo }
        func ring(of members: [NodeID], previous: (members: [NodeID], ring: Ring)) -> Ring {
            Ring(members: members.map { ($0, tokens[$0] ?? []) })
        }
        func count(_ operation: OperationCounter, by n: Int) {}
        func reportPending(_ stream: StreamID) { pendingReports[stream, default: 0] += 1 }
        func reportRetired(_ stream: StreamID) { pendingReports[stream, default: 0] -= 1 }

        /// Node `index` of a three-node cluster whose view holds all three up.
        func member(_ index: NodeID, of count: NodeID = 3) -> Node {
            for i in 0..<count where tokens[i] == nil {
                tokens[i] = (0..<8).map { StableHash.token(node: "n\(i.raw + 1)", number: $0) }
            }
            let node = Node(index: index, name: "n\(index.raw + 1)", nameID: names.intern("n\(index.raw + 1)"), vnodes: 8)
            for i in 0..<count {
                node.view.set(ViewEntry(entry: MemberEntry(node: i, beat: time, downAt: MemberEntry.notDown, removed: false, vnodes: 8),
                                        lastGrew: time, excluded: false))
            }
            return node
        }

        /// Key id 0, placed by the stable hash of its name.
        func key(_ name: String) -> KeyID {
            keyPositions.append(StableHash.position(ofKey: name))
            return KeyID(UInt32(keyPositions.count - 1))
        }
    }

    @Test func aReplicaStoresAWriteAndAcknowledgesItToTheSender() {
        let host = RecordingHost()
        let node = host.member(0)
        let key = host.key("k")
        var object = ObjectRecord()
        object.apply(FieldRecord(field: 1, value: 2, stamp: Stamp(time: 100, origin: node.nameID)), host.order)
        NodeContext(node: node, host: host).receive(Message(from: 1, to: 0, payload: .write(op: 7, key: key, object: object, hintFor: nil)))
        #expect(node.store[key]?.record(of: 1)?.value == 2)
        #expect(host.sent.count == 1)
        guard let ack = host.sent.first, case .writeAck(let op) = ack.payload else {
            Issue.record("expected one write acknowledgement, sent \(host.sent.map(\.payload.kind))")
            return
        }
        #expect((ack.from, ack.to, op) == (0, 1, 7))
    }

    /// A put reaches its coordinator: it stamps the write with its own clock, stores it, sends it
    /// to the other two replicas and arms the request's deadline; the second acknowledgement
    /// (quorum 2, its own being the first) answers the client.
    @Test func aCoordinatorStampsReplicatesAndRepliesAtQuorum() {
        let host = RecordingHost()
        let node = host.member(0)
        node.clock.offset = 250  // the stamp comes from the node's clock, not from virtual time
        let key = host.key("k")
        let node0 = NodeContext(node: node, host: host)
        node0.receive(Message(from: -1, to: 0, payload: .request(op: 5, request: .put(key: key, fields: [(field: 1, value: 3)]))))
        let writes = host.sent.compactMap { m -> (Endpoint, CoordinatorOpID, Stamp?)? in
            guard case .write(let op, _, let object, let hint) = m.payload, hint == nil else { return nil }
            return (m.to, op, object.record(of: 1)?.stamp)
        }
        #expect(writes.map(\.0.raw).sorted() == [1, 2])
        #expect(writes.allSatisfy { $0.2 == Stamp(time: host.time + 250, origin: node.nameID) })
        #expect(node.store[key]?.record(of: 1)?.value == 3)
        #expect(host.deadlines.count == 1)
        #expect(!host.sent.contains { if case .reply = $0.payload { true } else { false } })

        guard let op = writes.first?.1 else { return }
        node0.receive(Message(from: 1, to: 0, payload: .writeAck(op: op)))
        guard let reply = host.sent.last, case .reply(let clientOp, .written(let acks, let stamp)) = reply.payload else {
            Issue.record("expected a reply to the client")
            return
        }
        #expect((reply.to, clientOp, acks) == (-1, 5, 2))
        #expect(stamp.time == host.time + 250)
    }

    /// A gossip round re-arms itself and pushes the node's view to a peer held up.
    @Test func aGossipRoundReArmsAndPushesTheView() {
        let host = RecordingHost()
        let node = host.member(0)
        NodeContext(node: node, host: host).gossipTick()
        #expect(host.timers.map(\.timer) == [.gossip])
        #expect(host.timers.first?.after == host.settings.gossipPeriod)
        let pushedTo = host.sent.compactMap { m -> Endpoint? in if case .gossip = m.payload { m.to } else { nil } }
        #expect(!pushedTo.isEmpty && pushedTo.allSatisfy { $0 == 1 || $0 == 2 })
    }
}
