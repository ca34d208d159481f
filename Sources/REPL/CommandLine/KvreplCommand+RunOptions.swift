import ArgumentParser

extension KvreplCommand {
    /// The options of script runs for CI (`--shard`, `--jobs`), checked before anything runs.
    func validateRunOptions() throws {
        if let shard {
            guard shard.isValid else {
                throw ValidationError("--shard \(shard.index)/\(shard.count): K must be from 1 to N")
            }
            guard seeds != nil else {
                throw ValidationError("--shard splits a seed range: give --seeds A..B too")
            }
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs \(jobs): at least 1")
        }
    }
}

extension KvreplCommand {
    /// The first option given that only a script run has, for the REPL's usage error.
    var scriptOnlyOption: String? {
        if seeds != nil { return "--seeds" }
        if junit != nil { return "--junit" }
        if json { return "--json" }
        if shard != nil { return "--shard" }
        if failFast { return "--fail-fast" }
        if jobs != nil { return "--jobs" }
        if echo { return "--echo" }
        return nil
    }

    /// What script mode does with its runs; the progress line only when stderr is a terminal.
    var sweepOptions: SweepOptions {
        var options = SweepOptions()
        options.json = json
        options.junitPath = junit
        options.shard = shard
        options.failFast = failFast
        if let jobs { options.jobs = jobs }
        options.progress = ProgressLine()
        return options
    }
}
