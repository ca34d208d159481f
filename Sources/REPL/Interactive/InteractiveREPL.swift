import Cluster
import Lang

/// The interactive REPL: one session (one cluster) for the whole sitting. Errors end only their
/// line; `quit` or Ctrl-D ends the REPL with status 0; Ctrl-C abandons the line at the prompt and
/// interrupts a long `advance` or `wait`.
@MainActor
final class InteractiveREPL {
    let session: Session
    private let output: TerminalOutput
    private let reader: LineReader
    private var progressLine: ProgressLine?

    init(session: Session, output: TerminalOutput, reader: LineReader) {
        self.session = session
        self.output = output
        self.reader = reader
        session.interruptRequested = { InterruptFlag.take() }
    }

    /// The REPL on the terminal: libedit if it loads (history in `HistoryFile`), else plain input
    /// with a one-line notice.
    static func onTerminal(options: SessionOptions, output: TerminalOutput,
                           environment: [String: String] = ProcessEnvironment.current()) -> InteractiveREPL {
        let progress = ProgressLine()
        let session = Session(options: options, output: { kind, text in
            progress?.clear()
            output.write(kind, text)
        })
        let reader: LineReader
        if let api = LibEdit.load() {
            reader = LibEditLineReader(api: api, historyPath: HistoryFile.path(environment: environment),
                                       completionContext: { completionContext(of: session) })
        } else {
            output.usageError("kvrepl: libedit not found; line editing, history and completion are off")
            reader = PlainLineReader(output: output)
        }
        let repl = InteractiveREPL(session: session, output: output, reader: reader)
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
    /// in a line never end the REPL).
    func run() -> Int32 {
        var entry = ""
        while true {
            let prompt = entry.isEmpty ? Self.prompt(at: session.cluster.now) : Self.continuationPrompt
            switch reader.readLine(prompt: prompt) {
            case .endOfInput:
                output.out.write("\n")
                return 0
            case .interrupted:
                entry = ""
            case .line(let line):
                reader.remember(line)
                entry += entry.isEmpty ? line : "\n" + line
                // A `{` left open continues the entry on the next line, so blocks can span lines.
                if Session.needsMoreLines(entry) { continue }
                defer { entry = "" }
                progressLine?.restart()
                defer { progressLine?.clear() }
                if session.runLine(entry) == .quit { return 0 }
            }
        }
    }

    /// What the session knows now, for tab completion (built when Tab is pressed).
    static func completionContext(of session: Session) -> CompletionContext {
        let cluster = session.cluster
        let keys = cluster.knownKeys
        var fields: [String: [String]] = [:]
        for key in keys { fields[key] = cluster.knownFields(of: key) }
        return CompletionContext(nodes: cluster.nodeNames, keys: keys,
                                 streams: session.streamNames, fieldsByKey: fields)
    }
}
