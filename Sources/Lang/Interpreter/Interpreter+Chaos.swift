import Cluster

/// `chaos DURATION …`: draws a campaign, then runs it through ordinary commands and `at` blocks,
/// so that `--record` writes it back as the explicit operations and faults it drew.
extension Interpreter {
    func runChaos(_ options: ChaosOptions, _ command: Command) throws(ScriptError) {
        // The name check found this before the run unless `streams=` held `$i`.
        if let open = cluster.openStreams.compactMap(NameChecker.chaosStreamNumber).filter({ $0 <= options.streams }).min() {
            throw NameChecker.chaosStreamOpen("chaos-s\(open)", count: options.streams, at: command.range)
        }
        // A node leaving (a `remove` under way, or one an `at` block has yet to run) may be gone
        // before the campaign's faults would reach it: the campaign leaves it alone. A block's
        // node names read as they will when it runs (`at` inside `repeat`: `remove n$i`).
        let removing = Set(blocks.filter { !$0.started }.flatMap { block in
            block.body.compactMap { command -> String? in
                if case .remove(let node) = command.kind { return text(node, iterations: block.iterations) }
                return nil
            }
        })
        let names = cluster.nodeNames.filter { !cluster.isLeaving($0) && !removing.contains($0) }
        guard !names.isEmpty else {
            throw ScriptError("`chaos` needs nodes: add some first", at: command.range)
        }
        var planner = ChaosPlanner(options: options,
                                   nodes: names.map { ($0, cluster.state(of: $0) ?? .running) },
                                   origin: command.range,
                                   random: { [unowned self] in self.cluster.chaosDraw(below: $0) })
        let plan = planner.plan()
        for stream in plan.streams { try openChaosStream(stream) }
        let start = cluster.now
        for block in plan.blocks {
            _ = try execute(Command(.at(time: .value(start + block.time), block: block.commands), at: command.range))
        }
        _ = try execute(Command(.advance(.value(max(0, start + options.duration - cluster.now))), at: command.range))
        for last in plan.finale { _ = try execute(last) }
        session.emit(.normal, "chaos \(Durations.text(options.duration)): " + plan.summary.text)
    }

    /// Opens one of the campaign's streams, trying again (up to 5 times) when a registration fails
    /// (with `loss` it can). A failed attempt is run and recorded as `expect fail stream …`, so that a
    /// replay of the recording makes the same attempts.
    private func openChaosStream(_ stream: Command) throws(ScriptError) {
        guard case .stream(let name, let key, let fields, let initial) = stream.kind else { return }
        for _ in 1...5 {
            let attempt = try openStream(stream, name: name, key: key, fields: fields, initial: initial, expectFailure: true)
            if attempt.succeeded {
                recordSource(stream)
                return
            }
            let expectFailure = Command(.expect(.fail(stream)), at: stream.range)
            recordSource(expectFailure)
            record(true, expectFailure, expected: "failure", seen: describeFailure(attempt))
        }
        throw ScriptError("chaos could not open stream \(text(name)) in 5 attempts", at: stream.range)
    }
}
