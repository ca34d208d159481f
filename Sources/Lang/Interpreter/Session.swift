import Cluster

/// What kind of text the session prints, so the front end can colour it (or not).
public enum OutputKind: Sendable {
    case normal        // tables, `echo`, `config`, campaign summaries, help, notes
    case outcome       // a command's outcome (client operations, `stream`, `reconnect`,
                       // `remove`), and a command an `at` block starts, `[TIME] ` first
    case command       // a command echoed by `--echo`: `kvrepl TIME> COMMAND`
    case delivery      // a live-query view as it arrives
    case passed        // an expectation that held (printed unless quiet)
    case failed        // an expectation that failed: file:line, expected, seen
    case error         // a script error, rendered with its caret
    case trace         // message-level trace lines
    case summary       // the closing `N passed, M failed`
}

/// How a session runs.
public struct SessionOptions: Sendable {
    public var seed: UInt64 = 1
    public var trace = false
    /// Print only failures, script errors and the summary.
    public var quiet = false
    /// Reads an included or named file (paths are already resolved); throws when unreadable.
    public var readFile: @Sendable (String) throws -> String
    /// Keep every executed command as a plain script (`--record`), read back from `Session.recording`.
    public var record = false
    /// Print each command before its output, with the virtual time (`--echo`).
    public var echo = false
    /// Record the run for a report (`Session.recorder`): messages, operations, faults, findings.
    public var report = false
    public init(seed: UInt64 = 1, trace: Bool = false, quiet: Bool = false, record: Bool = false,
                readFile: @escaping @Sendable (String) throws -> String) {
        self.seed = seed
        self.trace = trace
        self.quiet = quiet
        self.record = record
        self.readFile = readFile
    }
}

/// How running one file (or one REPL line) ended.
public enum RunOutcome: Equatable, Sendable {
    /// Ran to the end (or to `quit` in a file).
    case finished
    /// Stopped at a script error (already printed).
    case scriptError
    /// `quit` in the REPL: leave the session.
    case quit
    /// Stopped by `Session.interruptRequested` (Ctrl-C); where it stopped is printed as an error.
    case interrupted
}

/// One cluster plus the interpreter state around it: what a file run or a REPL session uses.
public final class Session {
    public let options: SessionOptions
    public let cluster: Cluster
    /// Every piece of output goes through here, with its kind; text ends with a newline.
    public var output: (OutputKind, String) -> Void
    /// Expectations (and `wait`, `check`) that held / failed so far.
    public var passed: Int { interpreter.passed }
    public var failed: Int { interpreter.failed }
    /// Polled before each command and during long runs; true stops the run (Ctrl-C).
    public var interruptRequested: (() -> Bool)?

    private var interpreter: Interpreter!

    public init(options: SessionOptions, output: @escaping (OutputKind, String) -> Void) {
        self.options = options
        self.output = output
        self.cluster = Cluster(seed: options.seed)
        cluster.tracing = options.trace
        if options.report { _ = cluster.startRecording() }
        interpreter = Interpreter(session: self)
    }

    /// Parses the whole script (resolving includes relative to `path`), checks names, then runs it.
    /// `at` blocks still pending at the end are reported as not run.
    public func run(source: String, path: String) -> RunOutcome {
        let outcome = interpreter.run(source: source, path: path, fileRun: true)
        if outcome == .interrupted { return .interrupted }
        interpreter.reportBlocksNotRun()
        return outcome == .scriptError ? .scriptError : .finished
    }

    /// Runs one REPL entry (a line, or several when a block spans lines): an error ends only this entry.
    public func runLine(_ line: String) -> RunOutcome {
        interpreter.run(source: line, path: "<repl>")
    }

    /// True when `text` opens a `{` block that it does not close yet, so the REPL should read more lines.
    public static func needsMoreLines(_ text: String) -> Bool { ScriptLoader.needsMoreLines(text) }

    /// With `record`: every command executed so far, one per line, `repeat` unrolled, `include`s inlined
    /// and `$i` substituted, so that it replays the same run as a plain script.
    public var recording: String { interpreter.recording.map { $0 + "\n" }.joined() }

    /// Open stream names, for completion.
    public var streamNames: [String] { cluster.openStreams }

    func emit(_ kind: OutputKind, _ text: String) {
        if options.quiet {
            switch kind {
            case .failed, .error, .summary: break
            default: return
            }
        }
        output(kind, text.hasSuffix("\n") ? text : text + "\n")
    }
}
