/// One simulated node's own state: its disk (`store`, `hints`, membership when not wiped), which
/// survives `kill`, and its memory. Node code reaches it through `NodeContext`; what the harness
/// knows of the machine it runs on (running or not, since when, removed) is in `Machine`, out
/// of node code's reach.
final class Node {
    let index: NodeID
    let name: String
    let nameID: UInt32
    let vnodes: Int32
    let tokens: [UInt64]

    // Disk.
    @exclusivity(unchecked) var store = Store()
    @exclusivity(unchecked) var hints = HintStore()

    // Memory.
    @exclusivity(unchecked) var view = MembershipView()
    @exclusivity(unchecked) var ring = Ring()
    /// The view's `membershipVersion` when `ring` was built, or `unbuiltRing`.
    @exclusivity(unchecked) var ringVersion = Node.unbuiltRing
    /// The members `ring` was built from, ascending.
    @exclusivity(unchecked) var ringMembers: [NodeID] = []
    /// Per range of `ring`, by the node's view: whether the node owns it (`ownsKey`), and where
    /// it sends a request for it (`placement`).
    @exclusivity(unchecked) var ownership = RangeMemo<Bool>()
    @exclusivity(unchecked) var placements = RangeMemo<Placement>()
    /// Per range of the ring, the keys stored there and their Merkle root (anti-entropy).
    @exclusivity(unchecked) var merkle = MerkleIndex()
    /// Hybrid logical clock: highest stamp time issued or seen.
    @exclusivity(unchecked) var hlc: Int64 = 0
    @exclusivity(unchecked) var coordinatorOps = CoordinatorTable()
    @exclusivity(unchecked) var reports: [ReportID: PendingReport] = [:]
    @exclusivity(unchecked) var nextReport = ReportID(0)
    @exclusivity(unchecked) var handoff: HandoffState?
    /// Seed hosts (its configuration: the cluster's members when it was added or restarted) that
    /// its view has not heard of yet. Each gossip round also goes to one of them, until the view
    /// knows them all, so a lost join message or a contact that dies, leaves or is cut off never
    /// strands the node, nor two newcomers that found only each other.
    @exclusivity(unchecked) var seeds: [NodeID] = []
    /// The node's own clock: its handlers read time only through it (`NodeContext.now`).
    @exclusivity(unchecked) var clock = NodeClock()
    /// Which peer held up this node's next gossip round goes to first (round robin; see gossipTick).
    @exclusivity(unchecked) var gossipCursor = 0

    /// `ringVersion` of a ring to be built again: no view's version (versions start at 0). Not
    /// an Optional: it goes into every `RangeMemoBasis`, compared on every write.
    static let unbuiltRing = -1

    init(index: NodeID, name: String, nameID: UInt32, vnodes: Int32) {
        self.index = index
        self.name = name
        self.nameID = nameID
        self.vnodes = vnodes
        tokens = (0..<Int(vnodes)).map { StableHash.token(node: name, number: $0) }
    }

    var entry: MemberEntry {
        view[index]?.entry ?? MemberEntry(node: index, beat: 0, downAt: MemberEntry.notDown, removed: false, vnodes: vnodes)
    }

    /// A new stamp: virtual time raised above every stamp seen.
    func nextStamp(now: Micros) -> Stamp {
        hlc = max(now, hlc &+ 1)
        return Stamp(time: hlc, origin: nameID)
    }

    func observe(_ object: ObjectRecord) {
        let t = object.maxStampTime
        if t > hlc { hlc = t }
    }
}

/// A node's own clock. Today it reads virtual time exactly; a per-node offset (a clock that is
/// ahead or behind) is set here, and drift and jumps can be added here too, without touching the
/// handlers, which read time only through `NodeContext.now`. Stamps come from the
/// coordinator's clock; timers are armed for a duration of virtual time.
struct NodeClock {
    /// Added to virtual time.
    var offset: Micros = 0

    func reading(at time: Micros) -> Micros { time &+ offset }
}
