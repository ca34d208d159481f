import Cluster

extension CommandDeclaration {
    /// `chaos DURATION [ops=N] [keys=K] [streams=S]`: a fault campaign drawn from the seed.
    static let chaos = CommandDeclaration(
        word: "chaos", helpOrder: 230, group: .faults,
        usages: ["chaos DURATION [ops=N] [keys=K] [streams=S]"],
        summary: "random operations and faults, drawn from the seed",
        shortUsage: "chaos DURATION [ops=N] [keys=K] …",
        details: [
            "For DURATION of virtual time, runs N concurrent puts, gets and deletes (default 200",
            "ops on 20 keys) on its own keys chaos-k1 … chaos-kK (fields f1 … f3) while injecting",
            "random faults (kill/restart, pause/resume, partitions/isolation/heal), all drawn from",
            "the seed. Opens S streams chaos-s1 … first. Ends with every fault healed and every",
            "node running, and prints a summary. It never wipes a disk.",
        ],
        example: ["add n1 n2 n3 n4 n5", "chaos 2m ops=500 keys=10 streams=2", "check"],
        optionNames: chaosOptions,
        parse: { parser, args, table throws(ScriptError) in
            parser.declared(try options(parser, &args), args, into: &table)
        },
        complete: { arguments, _ in arguments.isEmpty ? [] : chaosOptions.map { $0 + "=" } },
        // A campaign is recorded as the commands it runs.
        behaviour: .of(ChaosArguments.self, recorded: false,
            run: { interpreter, command, arguments throws(ScriptError) in
                try interpreter.runChaos(try interpreter.chaosOptions(arguments), command)
                return .next
            },
            checkNames: { checker, arguments, _ in checker.openChaosStreams(arguments.streams) },
            source: { o, word in
                "chaos \(sourceText(o.duration, word, Durations.text)) ops=\(sourceText(o.ops, word) { "\($0)" }) "
                    + "keys=\(sourceText(o.keys, word) { "\($0)" }) streams=\(sourceText(o.streams, word) { "\($0)" })"
            }))

    /// The option names of `chaos`.
    static let chaosOptions = ["ops", "keys", "streams"]

    private static func options(_ parser: CommandParser, _ args: inout Arguments) throws(ScriptError) -> ChaosArguments {
        let file = parser.file
        var options = ChaosArguments(duration: parser.amount(try args.duration()))
        while let token = args.next() {
            guard token.kind == .assignment, let value = token.value else {
                throw args.unexpected(token, expected: "ops=N, keys=K or streams=S")
            }
            let option = file.text(token.word)
            guard chaosOptions.contains(option) else {
                throw ScriptError("unknown chaos option `\(option)`: expected ops=N, keys=K or streams=S",
                                  at: file.range(token.word), suggestion: Suggest.nearest(option, in: chaosOptions))
            }
            let text = file.text(value)
            let count: Amount<Int>
            if text.holdsIteration {
                count = .iterated(file.word(value))
            } else {
                let form = option == "keys" ? ValueForm.chaosKeys : .count
                guard let read = form.read(text) else { throw args.badValue(token, form.expected, for: option) }
                count = .value(read)
            }
            switch option {
            case "ops": options.ops = count
            case "keys": options.keys = count
            default: options.streams = count
            }
        }
        return options
    }
}

/// `chaos DURATION [ops=N] [keys=K] [streams=S]` with docs/language.md's defaults filled in: what a
/// campaign is drawn from.
public struct ChaosOptions: Equatable, Sendable {
    public var duration: Micros
    public var ops = 200
    public var keys = 20
    public var streams = 0
    public init(duration: Micros) { self.duration = duration }
}

/// A `chaos` command's options as written (each may hold `$i`), defaults filled in.
public struct ChaosArguments: CommandArguments, Equatable {
    public var duration: Amount<Micros>
    public var ops: Amount<Int>
    public var keys: Amount<Int>
    public var streams: Amount<Int>
    public init(duration: Amount<Micros>) {
        let defaults = ChaosOptions(duration: 0)
        self.duration = duration
        self.ops = .value(defaults.ops)
        self.keys = .value(defaults.keys)
        self.streams = .value(defaults.streams)
    }
}

/// `chaos DURATION …`: draws a campaign, then runs it through ordinary commands and `at` blocks,
/// so that `--record` writes it back as the explicit operations and faults it drew.
extension Interpreter {
    /// A `chaos` command's options, read.
    func chaosOptions(_ arguments: ChaosArguments) throws(ScriptError) -> ChaosOptions {
        var options = ChaosOptions(duration: try value(arguments.duration, .duration))
        options.ops = try value(arguments.ops, .count, for: "ops")
        options.keys = try value(arguments.keys, .chaosKeys, for: "keys")
        options.streams = try value(arguments.streams, .count, for: "streams")
        return options
    }


    func runChaos(_ options: ChaosOptions, _ command: Command) throws(ScriptError) {
        // A node leaving (a `remove` under way, or one an `at` block has yet to run) may be gone
        // before the campaign's faults would reach it: the campaign leaves it alone. A block's
        // node names read as they will when it runs (`at` inside `repeat`: `remove n$i`).
        let removing = Set(blocks.filter { !$0.started }.flatMap { block in
            block.body.compactMap { command -> String? in
                guard case .declared(let declared) = command.kind,
                      let remove = declared.arguments as? RemoveArguments else { return nil }
                return text(remove.node, iterations: block.iterations)
            }
        })
        let names = cluster.nodeNames.filter { !cluster.isLeaving($0) && !removing.contains($0) }
        guard !names.isEmpty else {
            throw ScriptError("`chaos` needs nodes: add some first", at: command.range)
        }
        var planner = ChaosPlanner(options: options,
                                   nodes: names.map { ($0, cluster.state(of: $0) ?? .running) },
                                   origin: command.range,
                                   random: { [unowned self] in self.cluster.chaosDraw(below: $0) },
                                   firstStream: chaosStreamsUsed + 1)
        var plan = planner.plan()
        chaosStreamsUsed += options.streams
        for stream in plan.streams {
            if let name = try openChaosStream(stream) { plan.summary.neverOpened.append(name) }
        }
        let start = cluster.now
        for block in plan.blocks {
            _ = try execute(Command(.at(time: .value(start + block.time), block: block.commands), at: command.range))
        }
        _ = try execute(Command(.advance(.value(max(0, start + options.duration - cluster.now))), at: command.range))
        for last in plan.finale { _ = try execute(last) }
        session.emit(.normal, "chaos \(Durations.text(options.duration)): " + plan.summary.text)
    }

    /// Opens one of the campaign's streams, planned with `retry` for the campaign's duration, and
    /// records it as such (a replay tries the same way); its name if it never opened. A stream that
    /// never opened is named in the campaign's summary, not an error, and no try counts as passed or
    /// failed.
    private func openChaosStream(_ stream: Command) throws(ScriptError) -> String? {
        guard let arguments = stream.declared.arguments as? StreamArguments else { return nil }
        let result = try openStream(stream, arguments, expectFailure: true)
        recordSource(stream)
        return result.succeeded ? nil : text(arguments.name)
    }
}
