import Lang

/// Script mode: every script in order, once per seed, then `N passed, M failed` and an exit status.
///
/// Runs go script by script, and for each script seed by seed (`a.kvs` on 1, 2, 3, then `b.kvs` on
/// 1, 2, 3). Every (script, seed) run is independent: a script error ends only that run, and the
/// next one starts on a fresh session.
struct ScriptSweep {
    var sources: [ScriptSource]
    /// The seeds to run each script on; one seed unless `--seeds` gave a range.
    var seeds: Seeds
    var settings: RunSettings
    /// `--record FILE`: where the (single) run's recording goes.
    var recordPath: String?
    /// `--json`, `--junit`, `--shard`, `--fail-fast`, `--jobs` and the progress line.
    var options = SweepOptions()
    /// Told of every run that failed, in the order they are printed (`--shrink` takes the first).
    var onFailure: ((ScriptSource, UInt64, RunResult) -> Void)?

    enum Seeds {
        case single(UInt64)
        /// `--seeds A..B`: each run's output is captured, printed whole in seed order, and a failing
        /// run is followed by the line that reproduces it.
        case sweep(ClosedRange<UInt64>)
    }

    /// Runs everything, printing as it goes; returns the exit status (0, 1 or 2; 130 when Ctrl-C
    /// stopped it, after the output of the runs that finished and the summary of what was printed).
    func run(output: TerminalOutput) -> Int32 {
        let printer = RunPrinter(output: output, json: options.json, progress: options.progress)
        var totals = Totals()
        var records: [RunRecord] = []
        var stop = false
        if case .sweep = seeds { options.progress?.restart(total: runCount) }
        sources: for source in sources {
            switch seeds {
            case .single(let seed):
                let notes = RunNotes(path: source.path, seed: seed, replay: Self.replayCommand(source: source, seed: seed))
                options.progress?.restart()
                let start = ContinuousClock.now
                let keepNotes = options.junitPath != nil
                let result = ScriptRun.run(source, seed: seed, settings: settings) { kind, text in
                    if keepNotes { notes.record.note(kind, text) }
                    printer.line(kind, text, file: source.path, seed: seed)
                }
                notes.record.seconds = ProgressLine.seconds(ContinuousClock.now - start)
                notes.record.result = result
                totals.add(result)
                if result.isFailure { onFailure?(source, seed, result) }
                if result.wasInterrupted { break sources }  // and no --record file: it would not replay the run
                records.append(notes.record)
                Self.reportWritten(result, output: output, totals: &totals)
                if let recordPath, let recording = result.recording {
                    do {
                        try TextFileWriter.write(recording, to: recordPath)
                    } catch {
                        output.usageError("kvrepl: cannot write --record file \(recordPath): \(error)")
                        totals.usageError = true
                    }
                }
                if options.failFast && result.isFailure { break sources }
            case .sweep(let range):
                guard let range = sweptSeeds(of: range) else { break sources }
                // Batches bound memory on long sweeps and let output appear as the sweep goes; their
                // size does not depend on --jobs, so neither does what --fail-fast reports.
                var next = range.lowerBound
                while true {
                    let last = next &+ min(Self.batch - 1, range.upperBound - next)
                    let seeds = Array(next...last)
                    let runs = ParallelRuns.run(source, seeds: seeds, settings: settings, jobs: options.jobs,
                                                stopAtFailure: options.failFast, progress: options.progress)
                    for (seed, run) in zip(seeds, runs) {
                        guard let run else { break }  // not run: a lower seed failed (--fail-fast)
                        // A run stopped part way is not printed, so it counts as one not started.
                        if run.result.wasInterrupted {
                            totals.add(.notStarted)
                            continue
                        }
                        if !settings.quiet && !run.lines.isEmpty { printer.seedHeading(file: source.path, seed: seed) }
                        var record = RunRecord(path: source.path, seed: seed, result: run.result,
                                               replay: Self.replayCommand(source: source, seed: seed), seconds: run.seconds)
                        for line in run.lines {
                            printer.line(line.kind, line.text, file: source.path, seed: seed)
                            if options.junitPath != nil { record.note(line.kind, line.text) }
                        }
                        if run.result.isFailure {
                            printer.reproduce(source, seed: seed, scriptError: run.result.hadScriptError, report: run.result.report)
                            onFailure?(source, seed, run.result)
                        }
                        Self.reportWritten(run.result, output: output, totals: &totals, named: false)
                        totals.add(run.result)
                        if options.junitPath != nil { records.append(record) }
                        if options.failFast && run.result.isFailure {
                            stop = true
                            break
                        }
                    }
                    if totals.interrupted || stop { break sources }
                    if last == range.upperBound { break }
                    next = last + 1
                }
            }
        }
        if case .sweep(let range) = seeds, let shard = options.shard {
            printer.shard(shard, of: range, ran: shard.seeds(of: range))
        }
        if totals.interrupted {
            let of = runCount.map { " of \($0)" } ?? ""
            printer.note("kvrepl: interrupted: \(totals.finished)\(of) runs finished; the summary counts what was printed")
        }
        if let path = options.junitPath {
            let xml = JUnitReport.xml(records, version: KvreplCommand.versionNumber, seeds: seedsText)
            do {
                try TextFileWriter.write(xml, to: path)
            } catch {
                output.usageError("kvrepl: cannot write --junit file \(path): \(error)")
                totals.usageError = true
            }
        }
        printer.summary(totals)
        return totals.exitStatus
    }

    /// Seeds run at once (over every core) before their output is printed.
    static let batch: UInt64 = 256

    /// `seed 7 failed: reproduce with kvrepl --seed 7 path/to/file.kvs`, with `(script error)`
    /// after `failed` when the run ended in a script error rather than a failed expectation.
    /// With `report`, the line ends `; report PATH`.
    static func reproduceLine(source: ScriptSource, seed: UInt64, scriptError: Bool = false, report: String? = nil) -> String {
        let kind = scriptError ? " (script error)" : ""
        let written = report.map { "; report \($0)" } ?? ""
        return "seed \(seed) failed\(kind): reproduce with \(replayCommand(source: source, seed: seed))\(written)\n"
    }

    /// `kvrepl --seed 7 path/to/file.kvs`: the command that replays one run.
    static func replayCommand(source: ScriptSource, seed: UInt64) -> String {
        let target = source.isStandardInput ? "< SCRIPT (the script read from stdin)" : ShellQuoting.quote(source.path)
        return "kvrepl --seed \(seed) \(target)"
    }

    /// Every (script, seed) run asked for; nil past `UInt64.max` (`--seeds 0..18446744073709551615`).
    var runCount: UInt64? {
        let files = UInt64(sources.count)
        guard case .sweep(let whole) = seeds else { return files }
        guard let range = sweptSeeds(of: whole) else { return 0 }
        let (spans, over) = files.multipliedReportingOverflow(by: range.upperBound - range.lowerBound)
        let (count, overAgain) = spans.addingReportingOverflow(files)
        return over || overAgain ? nil : count
    }

    /// Sums over every run, and the exit status they give.
    struct Totals {
        var passed = 0
        var failed = 0
        /// Runs that ended in a script error.
        var errors = 0
        /// A failure outside every run (a `--record` file that cannot be written): exit status 2.
        var usageError = false
        /// Runs that finished (a single run stopped by Ctrl-C counts its printed results, not itself).
        var finished: UInt64 = 0
        var interrupted = false

        mutating func add(_ result: RunResult) {
            passed &+= result.passed
            failed &+= result.failed
            if result.hadScriptError { errors &+= 1 }
            if result.wasInterrupted { interrupted = true } else { finished &+= 1 }
        }

        /// 130 after Ctrl-C (as a shell reports a process it ended), else 2 on any script error,
        /// else 1 when an expectation failed, else 0.
        var exitStatus: Int32 { interrupted ? 130 : errors > 0 || usageError ? 2 : failed > 0 ? 1 : 0 }

        /// The closing line: `N passed, M failed`, or `N passed, M failed, E errors` when E runs
        /// ended in a script error (the form the language reference gives, whatever E is).
        var summary: String {
            "\(passed) passed, \(failed) failed" + (errors > 0 ? ", \(errors) errors" : "")
        }
    }
}
