import ArgumentParser

/// The command line of `kvrepl` (docs/language.md, "The command line"). Parsing only: `Launcher` decides
/// what to run, so that exit statuses stay ours (2 for usage errors, not ArgumentParser's 64).
struct KvreplCommand: ParsableCommand {
    static let versionNumber = "0.1.0"
    static let version = "kvrepl \(versionNumber)"

    static let configuration = CommandConfiguration(
        commandName: "kvrepl",
        abstract: "A deterministic simulation of a Dynamo-style key-value cluster, driven by .kvs scripts.",
        discussion: """
            With no FILE and a terminal on stdin, kvrepl is an interactive REPL (line editing, \
            history, tab completion; type `help`). With no FILE and stdin not a terminal, stdin is \
            read as one script. Script mode ends with `N passed, M failed`, or \
            `N passed, M failed, E errors` when E runs ended in a script error.

            Exit status: 0 when nothing failed, 1 when an expectation failed, 2 on a script error \
            or a usage error, 130 when Ctrl-C stopped a script run (what finished is printed and \
            counted; a second Ctrl-C ends it at once).

            `kvrepl shrink SCRIPT [--seed N] [-o OUT]` writes the smallest script that fails the \
            same way as SCRIPT (see `kvrepl shrink --help`); a script file named `shrink` runs as \
            `kvrepl ./shrink`.
            """,
        version: version)

    @Argument(help: ArgumentHelp("Scripts to run in order, each on a fresh cluster.", valueName: "FILE"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Seed of the simulation, 0 to 2^64-1 (default 1). Same script and seed give byte-identical output.",
                               valueName: "N"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Run every script once per seed from A to B inclusive; a failure names the seed that reproduces it.",
                               valueName: "A..B"))
    var seeds: SeedRange?

    @Flag(help: "Also print every simulated message (send, deliver, drop).")
    var trace = false

    @Flag(help: "Print only failures, script errors and the summary.")
    var quiet = false

    @Option(help: ArgumentHelp("Write the run as a plain script (chaos expanded into the timed operations and faults it drew) that replays it.",
                               valueName: "FILE"))
    var record: String?

    @Option(help: ArgumentHelp("Also write a JUnit XML report: a testsuite per FILE, a testcase per seed.",
                               valueName: "FILE"))
    var junit: String?

    @Flag(help: "Print every line as one JSON object per line on stdout (see docs/language.md).")
    var json = false

    @Option(help: ArgumentHelp("Run only the K-th of N equal parts of the --seeds range (one CI matrix job of N).",
                               valueName: "K/N"))
    var shard: Shard?

    @Flag(help: "Stop a sweep once a seed fails; report only the lowest failing seed.")
    var failFast = false

    @Option(help: ArgumentHelp("Runs at once in a sweep (default: one per core).", valueName: "N"))
    var jobs: Int?

    @Flag(help: "Print each command, with the virtual time, before its output.")
    var echo = false

    @Flag(help: "After the runs, shrink the first run that failed an expectation to the smallest script that still fails (see kvrepl shrink --help).")
    var shrink = false

    @Option(help: ArgumentHelp("Write the run as a self-contained HTML report (messages, operations, faults, findings, the ring); with --seeds or several FILEs, a folder of one report per failing seed (per run without --seeds).",
                               valueName: "PATH"))
    var report: String?

    @Option(help: ArgumentHelp("Write the run's messages as a ShiViz log (vector clocks) to load into ShiViz.",
                               valueName: "FILE"))
    var shiviz: String?

    func validate() throws {
        if seed != nil && seeds != nil {
            throw ValidationError("--seed and --seeds cannot be used together")
        }
        if let seeds, !seeds.isOrdered {
            throw ValidationError("--seeds \(seeds.lower)..\(seeds.upper): A must not be greater than B")
        }
        try validateRunOptions()
    }
}
