import Lang

/// How a session should be set up, the same for every run of a sweep.
struct RunSettings: Sendable {
    var trace = false
    var quiet = false
    /// Keep the run as a plain script (`--record`).
    var record = false
    /// Polled by every run; true stops it (Ctrl-C, `InterruptFlag.isRequested`).
    var interruptRequested: (@Sendable () -> Bool)?
    /// Print each command before its output (`--echo`).
    var echo = false
    /// Shown the virtual time a single run reaches (on a terminal).
    var virtualTimeProgress: ProgressLine?
    /// `--report`: where each run's HTML report goes (see ReportFiles.swift).
    var report: ReportTarget?
    /// `--shiviz FILE`: the (single) run's messages as a ShiViz log.
    var shiviz: String?
}

/// The outcome of one run of one script on one seed.
struct RunResult: Equatable, Sendable {
    var passed: Int
    var failed: Int
    var outcome: RunOutcome
    /// With `RunSettings.record`: the run as a plain script that replays it.
    var recording: String?
    /// With `RunSettings.report`: the report written for this run, or why it could not be.
    var report: String?
    var reportError: String?

    var hadScriptError: Bool { outcome == .scriptError }
    var wasInterrupted: Bool { outcome == .interrupted }
    /// A run "fails" (and a sweep names its seed) on a failed expectation or a script error; one
    /// stopped by Ctrl-C did not finish, and does not fail.
    var isFailure: Bool { !wasInterrupted && (failed > 0 || hadScriptError) }

    /// A run that never started: Ctrl-C came first.
    static let notStarted = RunResult(passed: 0, failed: 0, outcome: .interrupted)
}

/// One script on one seed, on a fresh `Session` (so a fresh cluster). Runs share nothing, so a sweep
/// may run them in any order (or in parallel) and print their captured output in seed order.
enum ScriptRun {
    static func run(_ source: ScriptSource, seed: UInt64, settings: RunSettings,
                    output: @escaping (OutputKind, String) -> Void) -> RunResult {
        var options = SessionOptions(seed: seed, trace: settings.trace, quiet: settings.quiet, record: settings.record,
                                     readFile: { path in try TextFileReader.read(path: path) })
        options.echo = settings.echo
        options.report = settings.report != nil || settings.shiviz != nil
        let session = Session(options: options, output: output)
        session.interruptRequested = settings.interruptRequested
        if let progress = settings.virtualTimeProgress {
            let interrupt = settings.interruptRequested
            session.interruptRequested = { [unowned session] in
                progress.virtualTime(session.cluster.now)
                return interrupt?() == true
            }
        }
        let outcome = session.run(source: source.text, path: source.path)
        let recording = settings.record
            ? "# recorded by kvrepl from \(source.path) on seed \(seed)\nseed \(seed)\n" + session.recording : nil
        var result = RunResult(passed: session.passed, failed: session.failed, outcome: outcome, recording: recording)
        if options.report && !result.wasInterrupted {
            do throws(FileWriteError) {
                result.report = try ReportFiles.write(session: session, source: source, seed: seed, settings: settings,
                                                      failed: result.isFailure)
            } catch {
                result.reportError = error.reason
            }
        }
        return result
    }
}
