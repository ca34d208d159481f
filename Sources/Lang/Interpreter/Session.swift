import Cluster

/// What kind of text the session prints, so the front end can colour it (or not).
public enum OutputKind: Sendable {
    case normal        // command outcomes, tables, echo
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
    public init(seed: UInt64 = 1, trace: Bool = false, quiet: Bool = false,
                readFile: @escaping @Sendable (String) throws -> String) {
        self.seed = seed
        self.trace = trace
        self.quiet = quiet
        self.readFile = readFile
    }
}

/// How running one file (or one REPL line) ended.
public enum RunOutcome: Equatable, Sendable {
    /// Ran to the end (or to `quit`).
    case finished
    /// Stopped at a script error (already printed).
    case scriptError
    /// `quit` in the REPL: leave the session.
    case quit
}

/// One cluster plus the interpreter state around it: what a file run or a REPL session uses.
/// SKELETON: implemented in Sources/Lang/Interpreter.
public final class Session {
    public let options: SessionOptions
    public let cluster: Cluster
    /// Every line of output goes through here, with its kind; text ends with a newline.
    public var output: (OutputKind, String) -> Void
    public private(set) var passed = 0
    public private(set) var failed = 0

    public init(options: SessionOptions, output: @escaping (OutputKind, String) -> Void) {
        self.options = options
        self.output = output
        self.cluster = Cluster(seed: options.seed)
    }

    /// Parses the whole script (resolving includes relative to `path`), checks names, then runs it.
    public func run(source: String, path: String) -> RunOutcome { .finished }

    /// Runs one REPL line: an error ends only this line.
    public func runLine(_ line: String) -> RunOutcome { .finished }

    /// Known stream names (open), for completion.
    public var streamNames: [String] { cluster.openStreams }
}
