import ArgumentParser

/// `kvrepl shrink SCRIPT [--seed N] [-o OUT] [--jobs N]` (docs/language.md, "Shrinking a failure").
/// Parsing only: `ShrinkLauncher` runs it. A script file named `shrink` still runs as `kvrepl ./shrink`.
struct ShrinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kvrepl shrink",
        abstract: "Shrink a failing script to the smallest script that still fails the same way.",
        discussion: """
            Runs SCRIPT at the seed, keeps its first failed expectation (for `check`, the kind and \
            key of its first violation), expands every `chaos` campaign into its commands, then \
            removes and simplifies commands as long as the failure stays. Writes the result, headed \
            by comments naming SCRIPT, the seed and the failure kept, to OUT or standard output.

            Exit status: 0 when a script was written, 2 when SCRIPT does not fail, ends in a script \
            error, or on a usage error, 130 when Ctrl-C stopped it (the smallest script found so far \
            is written).
            """)

    @Argument(help: ArgumentHelp("The failing script.", valueName: "SCRIPT"))
    var script: String

    @Option(help: ArgumentHelp("Seed the script fails on.", valueName: "N"))
    var seed: UInt64 = 1

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Write the shrunk script to OUT instead of standard output.", valueName: "OUT"))
    var output: String?

    @Option(help: ArgumentHelp("Candidates run at once (default: every core). The result does not depend on it.",
                               valueName: "N"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}
