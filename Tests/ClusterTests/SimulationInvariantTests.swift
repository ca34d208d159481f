import Testing
@testable import Cluster

/// The invariant checkers over a whole simulation: every node's structures stay sound.
@Suite struct SimulationInvariantTests {
    /// A cluster under writes, kills (one wiping its disk), pauses, partitions and restarts, with
    /// the debug builds' own checks running throughout: at checkpoints, every node's view (its own
    /// row included), coordinator table and Merkle index (against its store), and the client's
    /// table keep every invariant.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aSimulationKeepsEveryInvariant(seed: UInt64) throws {
        let c = Cluster(seed: seed)
        let names = ["n1", "n2", "n3", "n4", "n5"]
        try c.add(names)
        var random = Xoshiro256StarStar(seed: seed)
        for round in 0..<12 {
            for i in 0..<40 {
                let key = "k\(random.below(60))"
                _ = try c.submit(.put(key: key, fields: [FieldValue("f", "\(round).\(i)")], via: nil))
            }
            let victim = names[Int(random.below(5))]
            switch round % 4 {
            case 0: try? c.kill(victim, wipe: round == 4)
            case 1: try? c.pause(victim)
            case 2: try c.partition([Array(names[..<2]), Array(names[2...])])
            default:
                c.heal()
                for n in names { try? c.restart(n); try? c.resume(n) }
            }
            c.advance(by: Micros(random.between(200_000, 3_000_000)))
            let found = Self.violations(c.sim)
            #expect(found.isEmpty, "round \(round): \(found)")
            if !found.isEmpty { return }
        }
        c.heal()
        for n in names { try? c.restart(n); try? c.resume(n) }
        #expect(c.waitConverged(limit: 120_000_000))
        for node in c.sim.nodes { c.sim.context(node).refreshMerkle() }
        #expect(Self.violations(c.sim).isEmpty)
    }

    static func violations(_ sim: Simulation) -> [String] {
        var found: [String] = []
        for node in sim.nodes {
            found += node.view.invariantViolations(me: node.index).map { "\(node.name) view: " + $0 }
            found += node.coordinatorOps.invariantViolations().map { "\(node.name): " + $0 }
            found += node.merkle.invariantViolations(positions: sim.keyPositions, store: node.store).map { "\(node.name) merkle: " + $0 }
        }
        for client in sim.clients { found += client.ops.invariantViolations() }
        return found
    }
}
