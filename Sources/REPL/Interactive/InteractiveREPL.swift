import Foundation
import Lang

/// The interactive REPL: one session (one cluster) for the whole sitting. Errors end only their
/// line; `quit` or Ctrl-D ends the REPL with status 0; Ctrl-C abandons the line at the prompt and
/// interrupts a long `advance` or `wait`.
@MainActor
final class InteractiveREPL {
    let session: Session
    private let output: TerminalOutput
    private let reader: LineReader

    /// Runs one entry; `Session.runLine` except in tests.
    private let execute: (String) -> RunOutcome

    init(session: Session, output: TerminalOutput, reader: LineReader,
         execute: ((String) -> RunOutcome)? = nil) {
        self.session = session
        self.output = output
        self.reader = reader
        self.execute = execute ?? { [unowned session] entry in session.runLine(entry) }
        session.interruptRequested = { InterruptFlag.take() }
    }

    /// The REPL on the terminal: libedit if it loads (history in `HistoryFile`), else plain input
    /// with a one-line notice.
    static func onTerminal(options: SessionOptions, output: TerminalOutput,
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> InteractiveREPL {
        let session = Session(options: options, output: output.write)
        let reader: LineReader
        if let api = LibEdit.load() {
            reader = LibEditLineReader(api: api, historyPath: HistoryFile.path(environment: environment),
                                       completionContext: { completionContext(of: session) })
        } else {
            output.usageError("kvrepl: libedit not found; line editing, history and completion are off")
            reader = PlainLineReader(output: output)
        }
        return InteractiveREPL(session: session, output: output, reader: reader)
    }

    /// `kvrepl 12.5s> `: the prompt shows virtual time.
    var prompt: String { "kvrepl \(VirtualTimeFormat.string(session.cluster.now))> " }

    /// The prompt for the further lines of a `{ … }` block, as wide as `prompt`: `      ...> `.
    var continuationPrompt: String {
        String(repeating: " ", count: max(0, prompt.count - 5)) + "...> "
    }

    /// Reads and runs entries until `quit` or end of input; returns the exit status (always 0:
    /// errors in an entry never end the REPL).
    func run() -> Int32 {
        while true {
            switch readEntry() {
            case .interrupted:
                continue
            case .entry(let text):
                if execute(text) == .quit { return 0 }
            case .end(let unfinished):
                if let unfinished { _ = execute(unfinished) }
                output.out.write("\n")
                return 0
            }
        }
    }

    private enum Entry {
        case entry(String)
        /// Ctrl-C: the entry is abandoned.
        case interrupted
        /// End of input (Ctrl-D), possibly inside a block that was never closed.
        case end(unfinished: String?)
    }

    /// One entry: a line, or, when a line opens a `{` block, every line up to the one that closes
    /// it (LANGUAGE.md: a block holds one command per line). Ctrl-C abandons the whole entry; the end
    /// of input inside a block still runs what was typed, so that the unclosed `{` is reported.
    private func readEntry() -> Entry {
        var lines: [String] = []
        while true {
            switch reader.readLine(prompt: lines.isEmpty ? prompt : continuationPrompt) {
            case .interrupted:
                return .interrupted
            case .endOfInput:
                return .end(unfinished: lines.isEmpty ? nil : lines.joined(separator: "\n"))
            case .line(let line):
                reader.remember(line)
                lines.append(line)
                let entry = lines.joined(separator: "\n")
                if !Session.needsMoreLines(entry) { return .entry(entry) }
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
