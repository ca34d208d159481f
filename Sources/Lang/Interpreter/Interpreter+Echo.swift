/// `--echo`: each command is printed before its output, after the virtual time it starts at, as the
/// REPL's prompt shows it (`kvrepl 12.5s> put Alice balance=110`), so a transcript reads without its
/// script. A `repeat` shows each command it runs, with `$i` substituted; an `at` block shows once,
/// when it is scheduled (its commands print their own `[TIME]` lines when they start).
extension Interpreter {
    func echoSource(_ command: Command) {
        guard session.options.echo, !recordingSuspended else { return }
        if command.declared.arguments is RepeatArguments { return }
        session.emit(.command, Self.echoPrefix(Formatting.time(cluster.now)) + command.source(text))
    }

    /// `kvrepl TIME> `: the start of an echoed command line.
    static func echoPrefix(_ time: String) -> String { "kvrepl \(time)> " }
}
