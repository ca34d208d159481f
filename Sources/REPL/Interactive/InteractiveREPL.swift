import Foundation
import Lang

/// The interactive REPL: one session (one cluster) for the whole sitting. Errors end only their
/// line; `quit` or Ctrl-D ends the REPL with status 0; Ctrl-C abandons the line at the prompt and
/// interrupts a long `advance` or `wait`.
@MainActor
final class InteractiveREPL {
    private let session: Session
    private let output: TerminalOutput
    private var reader: LineReader!

    init(options: SessionOptions, output: TerminalOutput,
         environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.output = output
        session = Session(options: options, output: output.write)
        session.cluster.interruptRequested = { InterruptFlag.take() }
        if let api = LibEdit.load() {
            let session = self.session
            reader = LibEditLineReader(api: api, historyPath: HistoryFile.path(environment: environment),
                                       completionContext: { Self.completionContext(of: session) })
        } else {
            output.usageError("kvrepl: libedit not found; line editing, history and completion are off")
            reader = PlainLineReader(output: output)
        }
    }

    func run() -> Int32 {
        InterruptFlag.install()
        while true {
            let prompt = "kvrepl \(VirtualTimeFormat.string(session.cluster.now))> "
            switch reader.readLine(prompt: prompt) {
            case .endOfInput:
                output.out.write("\n")
                return 0
            case .interrupted:
                continue
            case .line(let line):
                reader.remember(line)
                if session.runLine(line) == .quit { return 0 }
            }
        }
    }

    /// What the session knows now, for tab completion (built when Tab is pressed).
    static func completionContext(of session: Session) -> CompletionContext {
        let cluster = session.cluster
        var fields: [String: [String]] = [:]
        for key in cluster.knownKeys { fields[key] = cluster.knownFields(of: key) }
        return CompletionContext(nodes: cluster.nodeNames, keys: cluster.knownKeys,
                                 streams: session.streamNames, fieldsByKey: fields)
    }
}
