/// The line the REPL greets a person with: what this is, how to get help and how to leave.
enum Banner {
    /// Only for a person at a terminal: standard input and output both terminals, and not
    /// `--quiet`. Input piped in is a script (no REPL, no banner); output sent to a file or a pipe
    /// keeps only what the commands print.
    static func shows(inputIsTerminal: Bool, outputIsTerminal: Bool, quiet: Bool) -> Bool {
        inputIsTerminal && outputIsTerminal && !quiet
    }

    /// `kvrepl 0.1.0 (seed 1): "help" lists the commands, Tab completes, Ctrl-D quits`
    static func text(version: String, seed: UInt64) -> String {
        "\(version) (seed \(seed)): \"help\" lists the commands, Tab completes, Ctrl-D quits\n"
    }
}
