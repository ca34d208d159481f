import Cluster

/// A `chaos` campaign drawn in full before it starts: streams to open, timed blocks of operations and
/// faults, and the commands that end it healed. Running the plan through the ordinary commands (and
/// `at` blocks) is what lets `--record` write it back as a plain script that replays the same way.
struct ChaosPlan {
    /// `stream chaos-sN … retry DURATION` commands, opened before the campaign starts.
    var streams: [Command] = []
    /// `at` blocks: time from the campaign's start (after its streams are open) and the commands that start then.
    var blocks: [(time: Micros, commands: [Command])] = []
    /// Run after the campaign's duration: heal, resume and restart everything.
    var finale: [Command] = []
    var summary = ChaosSummary()
}

/// What a campaign did, for the line `chaos` prints.
struct ChaosSummary: Equatable {
    var puts = 0, gets = 0, deletes = 0
    var kills = 0, restarts = 0, pauses = 0, resumes = 0, partitions = 0, isolations = 0, heals = 0
    var streams = 0
    /// The campaign's streams that never opened (set as it runs).
    var neverOpened: [String] = []

    var text: String {
        "\(puts + gets + deletes) operations (\(puts) puts, \(gets) gets, \(deletes) deletes), "
            + "\(streams) streams" + (neverOpened.isEmpty ? "" : " (never opened: \(neverOpened.joined(separator: ", ")))")
            + "; faults: \(kills) kills, \(restarts) restarts, \(pauses) pauses, "
            + "\(resumes) resumes, \(partitions) partitions, \(isolations) isolations, \(heals) heals"
    }
}

/// Draws a campaign from a random source. Pure: the same draws, nodes and options give the same plan.
struct ChaosPlanner {
    var options: ChaosOptions
    /// Nodes in the cluster with their state when the campaign starts, in the cluster's order.
    var nodes: [(name: String, state: NodeState)]
    /// Where the planned commands point in diagnostics: the `chaos` line.
    var origin: SourceRange
    /// A uniform draw in 0..<n (the cluster's `chaos` stream).
    var random: (UInt64) -> UInt64
    /// N of the first stream, `chaos-sN`: after the highest the run has used.
    var firstStream = 1

    static let fields = ["f1", "f2", "f3"]

    mutating func plan() -> ChaosPlan {
        var plan = ChaosPlan()
        var states = nodes.map(\.state)
        let names = nodes.map(\.name)

        for s in 0..<options.streams {
            let key = "chaos-k\(draw(options.keys) + 1)"
            let fields = subset()
            plan.streams.append(command(.stream(name: word("chaos-s\(firstStream + s)"), key: word(key),
                                                fields: fields.map(word), initial: false,
                                                retry: .value(options.duration))))
            plan.summary.streams += 1
        }

        var timed: [(time: Micros, order: Int, command: Command)] = []
        let span = max(options.duration, 1)
        for op in 0..<options.ops {
            let time = Micros(draw(Int(clamping: span)))
            let key = word("chaos-k\(draw(options.keys) + 1)")
            let kind: CommandKind
            switch draw(10) {
            case 0..<5:
                let fields = subset().map { Assignment(field: word($0), value: word("v\(op + 1)")) }
                kind = .put(key: key, fields: fields, via: nil)
                plan.summary.puts += 1
            case 5..<8:
                kind = .get(key: key, fields: [], via: nil)
                plan.summary.gets += 1
            default:
                kind = .delete(key: key, fields: draw(4) == 0 ? [] : subset().map(word), via: nil)
                plan.summary.deletes += 1
            }
            timed.append((time, timed.count, command(kind)))
        }

        // Faults at about one per eighth of the campaign, each chosen to apply in the planned state.
        let faults = names.isEmpty ? 0 : 8 + draw(5)
        var partitioned = false
        for f in 0..<faults {
            let time = Micros(Int(clamping: span) / faults * f + draw(max(1, Int(clamping: span) / faults)))
            guard let kind = fault(names: names, states: &states, partitioned: &partitioned, summary: &plan.summary)
            else { continue }
            timed.append((time, timed.count, command(kind)))
        }

        timed.sort { ($0.time, $0.order) < ($1.time, $1.order) }
        for item in timed {
            if let last = plan.blocks.last, last.time == item.time {
                plan.blocks[plan.blocks.count - 1].commands.append(item.command)
            } else {
                plan.blocks.append((item.time, [item.command]))
            }
        }

        plan.finale.append(command(.heal))
        for (i, state) in states.enumerated() {
            switch state {
            case .paused: plan.finale.append(command(.resume(word(names[i]))))
            case .killed: plan.finale.append(command(.restart(word(names[i]))))
            case .running: break
            }
        }
        return plan
    }

    /// One fault that can apply now, updating the planned states.
    private mutating func fault(names: [String], states: inout [NodeState], partitioned: inout Bool,
                                summary: inout ChaosSummary) -> CommandKind? {
        let running = states.indices.filter { states[$0] == .running }
        let killed = states.indices.filter { states[$0] == .killed }
        let paused = states.indices.filter { states[$0] == .paused }
        switch draw(6) {
        case 0 where running.count > 1:
            let i = running[draw(running.count)]
            states[i] = .killed
            summary.kills += 1
            return .kill(word(names[i]), wipe: false)
        case 1 where !killed.isEmpty:
            let i = killed[draw(killed.count)]
            states[i] = .running
            summary.restarts += 1
            return .restart(word(names[i]))
        case 2 where running.count > 1:
            let i = running[draw(running.count)]
            states[i] = .paused
            summary.pauses += 1
            return .pause(word(names[i]))
        case 3 where !paused.isEmpty:
            let i = paused[draw(paused.count)]
            states[i] = .running
            summary.resumes += 1
            return .resume(word(names[i]))
        case 4 where names.count > 1:
            partitioned = true
            if draw(2) == 0 {
                summary.isolations += 1
                return .isolate(word(names[draw(names.count)]))
            }
            var order = Array(names.indices)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, draw(i + 1)) }
            let cut = 1 + draw(order.count - 1)
            summary.partitions += 1
            return .partition([order[..<cut].sorted().map { word(names[$0]) },
                               order[cut...].sorted().map { word(names[$0]) }])
        case 5 where partitioned:
            partitioned = false
            summary.heals += 1
            return .heal
        default:
            return nil
        }
    }

    /// A non-empty subset of f1…f3, in order.
    private mutating func subset() -> [String] {
        let mask = 1 + draw(7)
        return Self.fields.indices.filter { mask & (1 << $0) != 0 }.map { Self.fields[$0] }
    }

    /// A uniform draw in 0..<n (n ≥ 1).
    private mutating func draw(_ n: Int) -> Int {
        n > 1 ? Int(random(UInt64(n))) : 0
    }

    private func word(_ text: String) -> Word { Word(text, at: origin) }
    private func command(_ kind: CommandKind) -> Command { Command(kind, at: origin) }
}
