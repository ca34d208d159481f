#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Cluster
import Lang

/// The interactive REPL: one session (one cluster) for the whole sitting. Errors end only their
/// line; `quit` or Ctrl-D ends the REPL with status 0; Ctrl-C abandons the line at the prompt and
/// interrupts a long `advance` or `wait`.
@MainActor
final class InteractiveREPL {
    /// The lines of an entry whose `{` block is still open (empty between entries); shared with
    /// completion, which offers every name inside a block.
    final class OpenEntry {
        var text = ""
    }

    let session: Session
    private let output: TerminalOutput
    private let reader: LineReader
    private let entry: OpenEntry
    private var progressLine: ProgressLine?

    init(session: Session, output: TerminalOutput, reader: LineReader, entry: OpenEntry = OpenEntry()) {
        self.session = session
        self.output = output
        self.reader = reader
        self.entry = entry
        session.interruptRequested = { InterruptFlag.take() }
    }

    /// The REPL on the terminal: the banner (`Banner`), then libedit if it loads (history in
    /// `HistoryFile`), else plain input with a one-line notice.
    static func onTerminal(options: SessionOptions, output: TerminalOutput,
                           environment: [String: String] = ProcessEnvironment.current()) -> InteractiveREPL {
        if Banner.shows(inputIsTerminal: isatty(0) == 1, outputIsTerminal: output.out.isTerminal,
                        quiet: options.quiet) {
            output.out.write(Banner.text(version: KvreplCommand.version, seed: options.seed))
        }
        let progress = ProgressLine()
        let session = Session(options: options, output: { kind, text in
            progress?.clear()
            output.write(kind, text)
        })
        let entry = OpenEntry()
        let reader: LineReader
        if let api = LibEdit.load() {
            reader = LibEditLineReader(api: api, historyPath: HistoryFile.path(environment: environment),
                                       completionContext: completionContext(of: session, typing: entry))
        } else {
            output.usageError("kvrepl: libedit not found; line editing, history and completion are off")
            reader = PlainLineReader(output: output)
        }
        let repl = InteractiveREPL(session: session, output: output, reader: reader, entry: entry)
        repl.showProgress(progress)
        return repl
    }

    /// A long `advance` (or `wait`, `check`, `chaos`) shows the virtual time it has reached on the
    /// terminal's stderr once it has run for a second; each line starts the clock anew.
    private func showProgress(_ progress: ProgressLine?) {
        guard let progress else { return }
        session.interruptRequested = { [unowned session] in
            progress.virtualTime(session.cluster.now)
            return InterruptFlag.take()
        }
        progressLine = progress
    }

    /// `kvrepl 12.5s> `: the prompt shows virtual time.
    nonisolated static func prompt(at now: Micros) -> String { "kvrepl \(Durations.text(now))> " }
    /// Shown while a `{` block is still open.
    nonisolated static let continuationPrompt = "   ...> "

    /// Reads and runs lines until `quit` or end of input; returns the exit status (always 0: errors
    /// in a line never end the REPL). Each entry goes to the history whole, as it runs: a block
    /// typed over several lines is one entry, recalled as one.
    func run() -> Int32 {
        defer { entry.text = "" }
        while true {
            let prompt = entry.text.isEmpty ? Self.prompt(at: session.cluster.now) : Self.continuationPrompt
            switch reader.readLine(prompt: prompt) {
            case .endOfInput:
                output.out.write("\n")
                return 0
            case .interrupted:
                entry.text = ""
            case .line(let line):
                entry.text += entry.text.isEmpty ? line : "\n" + line
                // A `{` left open continues the entry on the next line, so blocks can span lines.
                if Session.needsMoreLines(entry.text) { continue }
                let complete = entry.text
                entry.text = ""
                reader.remember(complete)
                progressLine?.restart()
                defer { progressLine?.clear() }
                if session.runLine(complete) == .quit { return 0 }
            }
        }
    }

    /// What completion asks for when Tab is pressed: the session's context, in a block while
    /// `entry` (the entry being typed) has an open `{` block.
    static func completionContext(of session: Session, typing entry: OpenEntry) -> () -> CompletionContext {
        { completionContext(of: session, inBlock: !entry.text.isEmpty) }
    }

    /// What the session knows now, for tab completion (built when Tab is pressed). `inBlock`: the
    /// line continues an open `{` block.
    static func completionContext(of session: Session, inBlock: Bool = false) -> CompletionContext {
        let cluster = session.cluster
        let keys = cluster.knownKeys
        var fields: [String: [String]] = [:]
        for key in keys { fields[key] = cluster.knownFields(of: key) }
        var states: [String: NodeState] = [:]
        for node in cluster.nodeNames { states[node] = cluster.state(of: node) }
        return CompletionContext(nodes: cluster.nodeNames, keys: keys,
                                 streams: session.streamNames, fieldsByKey: fields, nodeStates: states,
                                 leavingNodes: cluster.leavingNodes,
                                 disconnectedStreams: cluster.disconnectedStreams, inBlock: inBlock)
    }
}
