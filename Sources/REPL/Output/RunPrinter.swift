import Lang

/// Where script mode's output goes: the terminal as text, or with `--json` as one JSON object per
/// line on stdout. Erases the progress line, if one is shown, before writing.
struct RunPrinter {
    let output: TerminalOutput
    var json = false
    var progress: ProgressLine?

    /// A line of a run of `file` on `seed`.
    func line(_ kind: OutputKind, _ text: String, file: String, seed: UInt64) {
        progress?.clear()
        if json {
            for object in JSONLines.object(kind, text, file: file, seed: seed) { output.out.write(object + "\n") }
        } else {
            output.write(kind, text)
        }
    }

    /// `== seed 3 (a.kvs) ==` before each run's output in a sweep without `--quiet` (none in JSON,
    /// where every object names its file and seed).
    func seedHeading(file: String, seed: UInt64) {
        guard !json else { return }
        progress?.clear()
        output.write(.normal, "== seed \(seed) (\(file)) ==\n")
    }

    /// `seed 7 failed: reproduce with …`.
    func reproduce(_ source: ScriptSource, seed: UInt64, scriptError: Bool, report: String? = nil) {
        progress?.clear()
        let text = ScriptSweep.reproduceLine(source: source, seed: seed, scriptError: scriptError, report: report)
        guard json else { return output.write(.failed, text) }
        var object = JSONLines.start("reproduce")
        object.add("file", source.path)
        object.add("seed", seed)
        object.add("result", scriptError ? "error" : "fail")
        object.add("command", ScriptSweep.replayCommand(source: source, seed: seed))
        if let report { object.add("report", report) }
        output.out.write(object.text + "\n")
    }

    /// `shard 2/4: seeds 251..500 of 1..1000`, or that the shard has none.
    func shard(_ shard: Shard, of range: ClosedRange<UInt64>, ran seeds: ClosedRange<UInt64>?) {
        progress?.clear()
        let text = ScriptSweep.shardLine(shard, of: range, ran: seeds)
        guard json else { return output.write(.normal, text + "\n") }
        var object = JSONLines.start("shard")
        object.add("shard", shard.index)
        object.add("shards", shard.count)
        if let seeds {
            object.add("first", seeds.lowerBound)
            object.add("last", seeds.upperBound)
        }
        object.add("text", text)
        output.out.write(object.text + "\n")
    }

    /// A note from kvrepl itself about the run (Ctrl-C): stderr as text, a `note` object in JSON.
    func note(_ text: String) {
        progress?.clear()
        guard json else { return output.write(.error, text + "\n") }
        var object = JSONLines.start("note")
        object.add("text", text)
        output.out.write(object.text + "\n")
    }

    func summary(_ totals: ScriptSweep.Totals) {
        progress?.clear()
        guard json else { return output.write(.summary, totals.summary + "\n") }
        var object = JSONLines.start("summary")
        object.add("passed", totals.passed)
        object.add("failed", totals.failed)
        object.add("errors", totals.errors)
        object.add("text", totals.summary)
        output.out.write(object.text + "\n")
    }
}
