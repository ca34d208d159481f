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

    enum Seeds {
        case single(UInt64)
        /// `--seeds A..B`: each run's output is captured, printed whole in seed order, and a failing
        /// run is followed by the line that reproduces it.
        case sweep(ClosedRange<UInt64>)
    }

    /// Runs everything, printing as it goes; returns the exit status (0, 1 or 2; 130 when Ctrl-C
    /// stopped it, after the output of the runs that finished and the summary of what was printed).
    func run(output: TerminalOutput) -> Int32 {
        var totals = Totals()
        sources: for source in sources {
            switch seeds {
            case .single(let seed):
                let result = ScriptRun.run(source, seed: seed, settings: settings, output: output.write)
                totals.add(result)
                if result.wasInterrupted { break sources }  // and no --record file: it would not replay the run
                Self.reportWritten(result, output: output, totals: &totals)
                if let recordPath, let recording = result.recording {
                    do {
                        try TextFileWriter.write(recording, to: recordPath)
                    } catch {
                        output.usageError("kvrepl: cannot write --record file \(recordPath): \(error)")
                        totals.usageError = true
                    }
                }
            case .sweep(let range):
                // Batches bound memory on long sweeps and let output appear as the sweep goes.
                var next = range.lowerBound
                while true {
                    let last = next &+ min(Self.batch - 1, range.upperBound - next)
                    let seeds = Array(next...last)
                    for (seed, run) in zip(seeds, ParallelRuns.run(source, seeds: seeds, settings: settings)) {
                        // A run stopped part way is not printed, so it counts as one not started.
                        if run.result.wasInterrupted {
                            totals.add(.notStarted)
                            continue
                        }
                        for line in run.lines { output.write(line.kind, line.text) }
                        if run.result.isFailure {
                            output.write(.failed, Self.reproduceLine(source: source, seed: seed,
                                                                     scriptError: run.result.hadScriptError,
                                                                     report: run.result.report))
                        }
                        Self.reportWritten(run.result, output: output, totals: &totals, named: false)
                        totals.add(run.result)
                    }
                    if totals.interrupted { break sources }
                    if last == range.upperBound { break }
                    next = last + 1
                }
            }
        }
        if totals.interrupted {
            let of = runCount.map { " of \($0)" } ?? ""
            output.write(.error, "kvrepl: interrupted: \(totals.finished)\(of) runs finished; the summary counts what was printed\n")
        }
        output.write(.summary, totals.summary + "\n")
        return totals.exitStatus
    }

    /// Seeds run at once (over every core) before their output is printed.
    static let batch: UInt64 = 256

    /// `seed 7 failed: reproduce with kvrepl --seed 7 path/to/file.kvs`, with `(script error)`
    /// after `failed` when the run ended in a script error rather than a failed expectation.
    /// With `report`, the line ends `; report PATH`.
    static func reproduceLine(source: ScriptSource, seed: UInt64, scriptError: Bool = false, report: String? = nil) -> String {
        let target = source.isStandardInput ? "< SCRIPT (the script read from stdin)" : ShellQuoting.quote(source.path)
        let kind = scriptError ? " (script error)" : ""
        let written = report.map { "; report \($0)" } ?? ""
        return "seed \(seed) failed\(kind): reproduce with kvrepl --seed \(seed) \(target)\(written)\n"
    }

    /// Every (script, seed) run asked for; nil past `UInt64.max` (`--seeds 0..18446744073709551615`).
    var runCount: UInt64? {
        let files = UInt64(sources.count)
        guard case .sweep(let range) = seeds else { return files }
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
