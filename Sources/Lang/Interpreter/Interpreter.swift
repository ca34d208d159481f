import Cluster

/// Runs parsed commands against the session's cluster: the heart of the language.
/// Split by concern into `Interpreter+*.swift` files.
final class Interpreter {
    enum Flow { case next, quit }

    unowned let session: Session
    var cluster: Cluster { session.cluster }
    var passed = 0
    var failed = 0
    /// Views delivered and not yet consumed by `expect stream`, per open stream.
    var pending: [String: [StreamView]] = [:]
    /// The iteration of each enclosing `repeat`, innermost last (`$i` is the last).
    var iterations: [Int] = []
    /// `at` blocks scheduled so far.
    var blocks: [ScheduledBlock] = []
    /// Client operations started by `at` blocks that have not completed.
    var operationsInFlight = 0
    /// A script error raised inside an `at` block while the simulation ran; thrown when the run returns.
    var deferredError: ScriptError?
    /// Set once the session's interrupt (Ctrl-C) is seen during the current entry.
    var interrupted = false
    /// While set, deliveries are held here instead of printed (so `stream` prints its own line first).
    var heldDeliveries: [StreamView]?
    /// Commands executed, as source lines (only with `SessionOptions.record`).
    var recording: [String] = []
    /// Inside an `at` block the block itself was recorded, so its commands are not recorded again.
    var recordingSuspended = false
    /// The highest N of a stream `chaos-sN` opened (or tried) so far: a campaign numbers its streams after it.
    var chaosStreamsUsed = 0

    init(session: Session) {
        self.session = session
        let cluster = session.cluster
        cluster.onEvent = { [unowned self] event in self.handle(event) }
        cluster.interruptRequested = { [unowned self] in self.shouldStop() }
    }

    // MARK: Entry points

    /// `fileRun`: the whole of a file run (the REPL's lines keep every operation's history).
    func run(source: String, path: String, fileRun: Bool = false) -> RunOutcome {
        interrupted = false
        let loader = ScriptLoader(readFile: session.options.readFile)
        do throws(ScriptError) {
            let script = try loader.load(text: source, path: path)
            var checker = NameChecker(nodes: Set(cluster.nodeNames), streams: Set(cluster.openStreams),
                                      chaosStreamsUsed: chaosStreamsUsed)
            try checker.check(script)
            if fileRun && !session.options.record && !script.containsCheck { cluster.recordsHistory = false }
            try raiseDeferred()
            return try execute(script.commands) == .quit ? .quit : .finished
        } catch {
            session.emit(.error, error.rendered)
            return interrupted ? .interrupted : .scriptError
        }
    }

    /// File mode: time never passes the end of a script, so blocks still pending are reported.
    func reportBlocksNotRun() {
        for block in blocks where !block.started {
            session.emit(.normal, "at \(Durations.text(block.time)) block (\(location(block.command))) not run: "
                + "the script ended at \(Formatting.time(cluster.now))")
        }
        if operationsInFlight > 0 {
            session.emit(.normal, "\(operationsInFlight) operation(s) from at blocks still in flight when the script ended")
        }
    }

    // MARK: Execution

    func execute(_ commands: some Sequence<Command>) throws(ScriptError) -> Flow {
        for command in commands where try execute(command) == .quit {
            return .quit
        }
        return .next
    }

    func execute(_ command: Command) throws(ScriptError) -> Flow {
        if shouldStop() { try raiseDeferred(); throw ScriptError("interrupted", at: command.range) }
        if !iterations.isEmpty { try checkSubstitutedFields(command) }
        recordSource(command)
        echoSource(command)
        if let recorder = cluster.recorder { recorder.commandBegins(command.source(text), at: cluster.now) }
        let declared = command.declared
        if try declared.declaration.behaviour.run(self, command, declared.arguments) == .quit { return .quit }
        try raiseDeferred()
        if interrupted {
            throw ScriptError("interrupted at \(Formatting.time(cluster.now))", at: command.range)
        }
        return .next
    }

    // MARK: Words and errors

    /// A word's text with `$i` replaced by the innermost `repeat` iteration.
    func text(_ word: Word) -> String { text(word, iterations: iterations) }

    /// A word's text as it reads under `iterations` (of the `repeat`s a command was scheduled in).
    func text(_ word: Word, iterations: [Int]) -> String {
        let text = word.text
        guard let i = iterations.last, text.contains("$i") else { return text }
        return text.replacingAll("$i", with: String(i))
    }

    /// A field that `$i` makes the same as another of its command (`put k a$i=1 a1=2` at i=1) is an
    /// error at its second use, as the parser reports one written twice (each command says which of
    /// its words are fields: `CommandBehaviour.checkSubstituted`); an `at` block's commands are
    /// checked when it is scheduled, under the iterations they will run with.
    func checkSubstitutedFields(_ command: Command) throws(ScriptError) {
        let declared = command.declared
        try declared.declaration.behaviour.checkSubstituted(self, declared.arguments)
    }

    /// `fields` of a command: runs for every command inside a `repeat`, and looks at no text unless
    /// a field holds `$i`.
    func checkSubstituted(_ fields: some Collection<Word>, listed: Bool) throws(ScriptError) {
        guard fields.count > 1, let i = iterations.last, fields.contains(where: { $0.text.holdsIteration }) else { return }
        var seen: [String] = []
        for field in fields {
            let name = text(field)
            if seen.contains(name) {
                throw ScriptError(CommandParser.fieldNamedTwice(name, listed: listed) + " (`$i` is \(i) here)",
                                  at: field.range)
            }
            seen.append(name)
        }
    }

    /// `file:line`, with the iteration when inside a `repeat`.
    func location(_ command: Command) -> String {
        let base = "\(command.range.file.path):\(command.range.line)"
        return iterations.isEmpty ? base : base + " (i=\(iterations.map(String.init).joined(separator: ",")))"
    }

    /// Runs a cluster call; a ClusterError becomes a script error at the word it names.
    @discardableResult
    func attempt<T>(_ command: Command, _ words: [Word],
                    _ body: () throws(ClusterError) -> T) throws(ScriptError) -> T {
        do {
            return try body()
        } catch {
            throw scriptError(error, command, words)
        }
    }

    func scriptError(_ error: ClusterError, _ command: Command, _ words: [Word]) -> ScriptError {
        let word = words.first { error.subject != nil && text($0) == error.subject }
        var suggestion: String?
        if let subject = error.subject {
            switch error.kind {
            case .notInCluster: suggestion = Suggest.nearest(subject, in: cluster.nodeNames)
            case .streamNotOpen: suggestion = Suggest.nearest(subject, in: cluster.openStreams)
            default: break
            }
        }
        return ScriptError(error.message, at: word?.range ?? command.range, suggestion: suggestion)
    }

    func raiseDeferred() throws(ScriptError) {
        if let error = deferredError {
            deferredError = nil
            throw error
        }
    }

    func shouldStop() -> Bool {
        if !interrupted, session.interruptRequested?() == true { interrupted = true }
        return interrupted || deferredError != nil
    }

    // MARK: Recording

    /// Records a command as it runs; commands that only group others (`repeat`, `include`) record their contents.
    func recordSource(_ command: Command) {
        guard session.options.record, !recordingSuspended, command.declared.declaration.behaviour.recorded else { return }
        recording.append(command.source(text))
    }

    // MARK: Expectation bookkeeping

    func record(_ held: Bool, _ command: Command, expected: String, seen: String) {
        let what = command.source(text)
        cluster.recorder?.expectation(held: held, location: location(command), text: what, expected: expected, seen: seen,
                                      at: cluster.now)
        if held {
            passed += 1
            session.emit(.passed, "PASS \(location(command)) \(what)")
        } else {
            failed += 1
            session.emit(.failed, "FAIL \(location(command)) \(what)\n  expected: \(expected)\n  seen:     \(seen)")
        }
    }

    // MARK: Events from the cluster

    func handle(_ event: ClusterEvent) {
        switch event {
        case .delivery(let view):
            pending[view.stream, default: []].append(view)
            // A view that arrives while time passes (not as part of a client operation's outcome)
            // carries its time, as `at` outcomes do.
            if heldDeliveries != nil { heldDeliveries?.append(view) } else { printDelivery(view, at: cluster.now) }
        case .trace(let line):
            session.emit(.trace, line)
        }
    }

    func printDelivery(_ view: StreamView, at time: Micros? = nil) {
        let prefix = time.map { "[\(Formatting.time($0))] " } ?? ""
        session.emit(.delivery, "\(prefix)\(view.stream) #\(view.sequence) \(Formatting.word(view.key)): \(Formatting.fields(view.fields))")
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
