/// The rings built most recently, by member list, shared between nodes. A ring is a function of
/// its members alone (a node's tokens never change), and nodes whose views hold the same members
/// (all of them, once gossip has spread) can share one ring's storage: a thousand-node cluster
/// then sorts its 8,000 tokens once rather than once a node, and keeps one copy of them.
struct RingCache {
    private var entries: [(members: [NodeID], ring: Ring)] = []
    private static let size = 4

    /// The ring of `members` (node indices, ascending). `previous` (a node's last ring and its
    /// members) is grown by merging when it holds a subset of them; otherwise the ring is built.
    mutating func ring(of members: [NodeID], previous: (members: [NodeID], ring: Ring),
                       tokens: (NodeID) -> [UInt64]) -> Ring {
        if let i = entries.firstIndex(where: { $0.members == members }) {
            let hit = entries.remove(at: i)
            entries.insert(hit, at: 0)
            return hit.ring
        }
        let ring: Ring
        if let added = Self.added(to: previous.members, in: members), !previous.ring.isEmpty {
            ring = previous.ring.adding(added.map { ($0, tokens($0)) })
        } else {
            ring = Ring(members: members.map { ($0, tokens($0)) })
        }
        entries.insert((members, ring), at: 0)
        if entries.count > Self.size { entries.removeLast() }
        return ring
    }

    /// The members of `new` not in `old`, when `old` is a subsequence of `new` (members only
    /// added); nil when some member of `old` is gone.
    private static func added(to old: [NodeID], in new: [NodeID]) -> [NodeID]? {
        var added: [NodeID] = []
        var i = 0
        for m in new {
            if i < old.count && old[i] == m { i += 1 } else { added.append(m) }
        }
        return i == old.count ? added : nil
    }
}
