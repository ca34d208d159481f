import Cluster

/// `chaos DURATION …`: draws a campaign, then runs it through ordinary commands and `at` blocks,
/// so that `--record` writes it back as the explicit operations and faults it drew.
extension Interpreter {
    func runChaos(_ options: ChaosOptions, _ command: Command) throws(ScriptError) {
        let names = cluster.nodeNames
        guard !names.isEmpty else {
            throw ScriptError("`chaos` needs nodes: add some first", at: command.range)
        }
        var planner = ChaosPlanner(options: options,
                                   nodes: names.map { ($0, cluster.state(of: $0) ?? .running) },
                                   start: cluster.now, origin: command.range,
                                   random: { [unowned self] in self.chaosRandom.next() })
        let plan = planner.plan()
        for stream in plan.streams { _ = try execute(stream) }
        let start = cluster.now
        for block in plan.blocks {
            _ = try execute(Command(.at(time: block.time, block: block.commands), at: command.range))
        }
        _ = try execute(Command(.advance(max(0, start + options.duration - cluster.now)), at: command.range))
        for last in plan.finale { _ = try execute(last) }
        session.emit(.normal, "chaos \(Formatting.duration(options.duration)): " + plan.summary.text)
    }
}
