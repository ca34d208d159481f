import Testing
import Cluster
@testable import Lang

@Suite struct ChaosPlannerTests {
    func plan(seed: UInt64, ops: Int = 200, keys: Int = 20, streams: Int = 3,
              nodes: [(String, NodeState)] = [("n1", .running), ("n2", .running), ("n3", .running), ("n4", .running)]) -> ChaosPlan {
        let cluster = Cluster(seed: seed)
        var options = ChaosOptions(duration: 30_000_000)
        options.ops = ops
        options.keys = keys
        options.streams = streams
        var planner = ChaosPlanner(options: options, nodes: nodes.map { (name: $0.0, state: $0.1) },
                                   origin: SourceRange(file: SourceFile(path: "t", text: "chaos 30s"), line: 1, column: 1, length: 5),
                                   random: { cluster.chaosDraw(below: $0) })
        return planner.plan()
    }

    func script(_ p: ChaosPlan) -> String {
        (p.streams + p.blocks.map { Command(.at(time: .value($0.time), block: $0.commands), at: $0.commands[0].range) } + p.finale)
            .map { $0.source() }.joined(separator: "\n")
    }

    @Test func sameSeedSamePlanOtherSeedOtherPlan() {
        #expect(script(plan(seed: 7)) == script(plan(seed: 7)))
        #expect(script(plan(seed: 7)) != script(plan(seed: 8)))
    }

    @Test func drawsTheRequestedOperationsOnChaosKeysWithinTheCampaign() {
        let p = plan(seed: 3, ops: 150, keys: 4, streams: 2)
        #expect(p.summary.puts + p.summary.gets + p.summary.deletes == 150)
        #expect(p.streams.count == 2)
        for block in p.blocks {
            #expect(block.time >= 0 && block.time < 30_000_000)
        }
        let text = script(p)
        for key in ["chaos-k1", "chaos-k2", "chaos-k3", "chaos-k4"] { #expect(text.contains(key)) }
        #expect(!text.contains("chaos-k5"))
        #expect(p.blocks.map(\.time) == p.blocks.map(\.time).sorted())
    }

    /// Replays the planned faults on a model of node states: each must apply, never all nodes down,
    /// and the finale leaves every node running.
    @Test(arguments: Array(UInt64(1)...UInt64(300)))
    func faultsAlwaysApplyAndEndHealed(seed: UInt64) {
        let p = plan(seed: seed, ops: 0)
        var states = ["n1": NodeState.running, "n2": .running, "n3": .running, "n4": .running]
        for command in p.blocks.flatMap(\.commands) + p.finale {
            guard case .declared(let declared) = command.kind else { continue }
            let word = declared.declaration.word
            if let kill = declared.arguments as? KillArguments {
                #expect(!kill.wipe)
                #expect(states[kill.node.text] != .killed)
                states[kill.node.text] = .killed
            } else if let n = (declared.arguments as? NodeArguments)?.node {
                switch word {
                case "restart":
                    #expect(states[n.text] == .killed)
                    states[n.text] = .running
                case "pause":
                    #expect(states[n.text] == .running)
                    states[n.text] = .paused
                case "resume":
                    #expect(states[n.text] == .paused)
                    states[n.text] = .running
                default: break
                }
            }
            #expect(states.values.contains(.running))
        }
        #expect(states.values.allSatisfy { $0 == .running })
        #expect(p.finale.first?.kind == .heal)
    }
}
