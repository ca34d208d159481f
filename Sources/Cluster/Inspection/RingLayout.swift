/// What `show ring` says about each node: its share of the ring, the share of keys it holds a
/// replica of, and the ranges it owns, measured exactly (in ring positions, 2^64 in all) and
/// written in hundredths of a percent.
///
/// A key at position p belongs to the first token at or after p (wrapping), so token t_i owns the
/// positions (t_{i-1}, t_i], and the first token also owns everything after the last one. Ranges
/// are half-open intervals [from, to) of positions; the wrapping range is cut in two at 0, so
/// that every range reads from low to high and together they cover [0, 2^64) once.
struct RingLayout: Equatable {
    struct Share: Equatable {
        var node: NodeID
        /// Positions whose first token is the node's.
        var owned: UInt128 = 0
        /// Positions whose preference list holds the node.
        var held: UInt128 = 0
        /// Half-open [from, to) ranges of positions, low to high, adjacent ones merged.
        var ranges: [Range<UInt128>] = []
    }

    static let ringSize: UInt128 = 1 << 64

    /// One entry per node of `nodes`, in that order.
    var shares: [Share]

    /// `tokens` sorted, `owners` the node of each; `holders(i)` the preference list of the keys of
    /// token i's range (the same for every key of it, as they share their first token).
    init(tokens: [UInt64], owners: [NodeID], nodes: [NodeID], holders: (Int) -> [NodeID]) {
        shares = nodes.map { Share(node: $0) }
        guard let last = tokens.last else { return }
        var slot: [NodeID: Int] = [:]
        for (i, node) in nodes.enumerated() { slot[node] = i }
        // Pieces in position order: [0, t0], then (t_{i-1}, t_i], then (t_last, end) for token 0.
        var pieces: [(range: Range<UInt128>, token: Int)] = [(0 ..< UInt128(tokens[0]) + 1, 0)]
        for i in 1 ..< tokens.count {
            pieces.append((UInt128(tokens[i - 1]) + 1 ..< UInt128(tokens[i]) + 1, i))
        }
        pieces.append((UInt128(last) + 1 ..< Self.ringSize, 0))
        var heldBy: [Int: [NodeID]] = [:]
        for piece in pieces where !piece.range.isEmpty {
            guard let s = slot[owners[piece.token]] else { continue }
            let length = piece.range.upperBound - piece.range.lowerBound
            shares[s].owned += length
            if let previous = shares[s].ranges.last, previous.upperBound == piece.range.lowerBound {
                shares[s].ranges[shares[s].ranges.count - 1] = previous.lowerBound ..< piece.range.upperBound
            } else {
                shares[s].ranges.append(piece.range)
            }
            let list = heldBy[piece.token] ?? holders(piece.token)
            heldBy[piece.token] = list
            for node in list { if let h = slot[node] { shares[h].held += length } }
        }
    }

    /// `part` of the ring in hundredths of a percent, rounded half up.
    static func basisPoints(_ part: UInt128) -> Int {
        Int((part * 10_000 + ringSize / 2) / ringSize)
    }

    /// The owned shares in hundredths of a percent, rounded so that they add up to exactly 100%
    /// (largest remainder first; ties to the node listed first).
    var ownedBasisPoints: [Int] {
        guard shares.contains(where: { $0.owned > 0 }) else { return shares.map { _ in 0 } }
        var points = shares.map { Int($0.owned * 10_000 / Self.ringSize) }
        let remainders = shares.map { $0.owned * 10_000 % Self.ringSize }
        let order = remainders.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for i in order.prefix(10_000 - points.reduce(0, +)) { points[i] += 1 }
        return points
    }

    /// `3.25%`, `100.00%`: hundredths of a percent with two decimals always.
    static func percent(basisPoints: Int) -> String {
        let fraction = basisPoints % 100
        return "\(basisPoints / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)%"
    }

    /// `0.00-3.52`: a range's ends as positions on the ring, in percent.
    static func text(of range: Range<UInt128>) -> String {
        String(percent(basisPoints: basisPoints(range.lowerBound)).dropLast()) + "-"
            + String(percent(basisPoints: basisPoints(range.upperBound)).dropLast())
    }
}

extension Simulation {
    /// `show ring`: each node's share of the ring, the keys it holds a replica of, and its ranges.
    func showRingShares() -> Table {
        let ring = groundTruthRing()
        let layout = RingLayout(tokens: ring.tokens, owners: ring.owners, nodes: members.map(\.index)) { i in
            ring.preferenceList(from: ring.tokens[i], count: settings.replicas) { !isOutForRehash(nodes[$0]) }
        }
        let owned = layout.ownedBasisPoints
        var rows: [[String]] = []
        for (share, points) in zip(layout.shares, owned) {
            rows.append([nodes[share.node].name, RingLayout.percent(basisPoints: points),
                         RingLayout.percent(basisPoints: RingLayout.basisPoints(share.held)),
                         share.ranges.map(RingLayout.text(of:)).joined(separator: " ")])
        }
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)" + (n == 1 ? "" : "s") }
        let title = "ring (\(count(members.count, "node")), \(count(ring.tokens.count, "token")), "
            + "\(count(settings.replicas, "replica")))"
        return Table(title: title, headers: ["node", "share", "holds", "ranges (% of the ring)"], rows: rows)
    }
}
