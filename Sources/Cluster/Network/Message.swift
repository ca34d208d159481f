
/// How a coordinator answers the client.
enum Outcome {
    /// `stamp`: the version the coordinator gave the write.
    case written(acks: Int, stamp: Stamp)
    case read(object: ObjectRecord?, replies: Int)
    case failed(String)
}

/// Key and object digest, as exchanged by anti-entropy.
struct KeyDigest {
    var key: KeyID
    var digest: UInt64
}

/// Hashes of some nodes of one range's Merkle tree, as exchanged by anti-entropy: node
/// `first + i` of `level` (0: the root, 1: branches, 2: leaves; see `MerkleTree`) has `hashes[i]`.
struct TreeHashes {
    var range: RangeArc
    var level: UInt8
    var first: UInt16
    var hashes: [UInt64]
}

/// One leaf of one range's Merkle tree.
struct TreeLeaf {
    var range: RangeArc
    var leaf: UInt16
}

/// Everything one endpoint can tell another. Values only; big parts (objects) are copy-on-write.
enum Payload {
    /// Client → coordinator: the client operation `op` and its request. The request travels with
    /// the message rather than being read from the client's table on arrival, so that an
    /// operation the client has finished with (timed out) and forgotten (no history kept) is still
    /// coordinated when its request arrives late, as it would be with history.
    case request(op: ClientOpID, request: ClientOp.Request)
    /// Coordinator → client.
    case reply(op: ClientOpID, outcome: Outcome)
    /// Coordinator → replica: store this (as a hint for `hintFor` when there is one), and
    /// acknowledge it to coordinator request `op` (`unasked`: no request waits for it).
    case write(op: CoordinatorOpID, key: KeyID, object: ObjectRecord, hintFor: NodeID?)
    case writeAck(op: CoordinatorOpID)
    case read(op: CoordinatorOpID, key: KeyID)
    case readReply(op: CoordinatorOpID, object: ObjectRecord)
    /// Read repair: merge this.
    case repair(key: KeyID, object: ObjectRecord)
    case gossip(MembershipView.Snapshot)
    /// The answer to a gossip push: the entries the answering node knows newer (push-pull).
    case gossipReply([MemberEntry])
    /// Anti-entropy, step 1: my tree roots of the ranges we both replicate. Then, answering
    /// hashes that differ from mine, my hashes of their children (one level down each time).
    case tree([TreeHashes])
    /// At the leaves that differ: my digests of every key I hold in these leaves.
    case digest(leaves: [TreeLeaf], digests: [KeyDigest])
    /// Next: these keys differ (or you lack them); here are my versions (empty when I have none).
    case pull(keys: [KeyID], objects: [ObjectRecord])
    /// Last: my merged versions.
    case push(keys: [KeyID], objects: [ObjectRecord])
    case hint(target: NodeID, key: KeyID, version: UInt32, object: ObjectRecord)
    case hintAck(target: NodeID, key: KeyID, version: UInt32)
    /// Graceful leave: take over this key.
    /// `version` rises when more data of the key reaches the leaving node, so an acknowledgement
    /// of an older version does not count for the newer one.
    case handoff(key: KeyID, version: UInt32, object: ObjectRecord)
    case handoffAck(key: KeyID, version: UInt32)
    /// Replica → client: the selected fields of `key` changed for stream instance `stream`.
    case report(id: ReportID, stream: StreamID, key: KeyID, object: ObjectRecord)
    case reportAck(id: ReportID)
    /// Admin (client endpoint) → node: `node` was removed from the cluster.
    case removed(node: NodeID)

    var kind: MessageKind {
        switch self {
        case .request: .request
        case .reply: .reply
        case .write: .write
        case .writeAck: .writeAck
        case .read: .read
        case .readReply: .readReply
        case .repair: .repair
        case .gossip: .gossip
        case .gossipReply: .gossipReply
        case .tree: .tree
        case .digest: .digest
        case .pull: .pull
        case .push: .push
        case .hint: .hint
        case .hintAck: .hintAck
        case .handoff: .handoff
        case .handoffAck: .handoffAck
        case .report: .report
        case .reportAck: .reportAck
        case .removed: .removed
        }
    }
}

struct Message {
    var from: Endpoint
    var to: Endpoint
    var payload: Payload
}

/// Message kinds, for traces and per-kind counters (an array index: no hashing per message).
enum MessageKind: Int, CaseIterable {
    case request, reply, write, writeAck, read, readReply, repair, gossip, gossipReply, tree, digest, pull, push, hint, hintAck, handoff, handoffAck, report, reportAck, removed

    var name: String {
        switch self {
        case .request: "request"
        case .reply: "reply"
        case .write: "write"
        case .writeAck: "write-ack"
        case .read: "read"
        case .readReply: "read-reply"
        case .repair: "repair"
        case .gossip: "gossip"
        case .gossipReply: "gossip-reply"
        case .tree: "ae-tree"
        case .digest: "ae-digest"
        case .pull: "ae-pull"
        case .push: "ae-push"
        case .hint: "hint"
        case .hintAck: "hint-ack"
        case .handoff: "handoff"
        case .handoffAck: "handoff-ack"
        case .report: "report"
        case .reportAck: "report-ack"
        case .removed: "removed"
        }
    }
}
