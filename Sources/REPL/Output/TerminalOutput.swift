import Lang

/// The process's own output: `.error` lines go to stderr, everything else to stdout, each coloured
/// when its stream is a terminal and `NO_COLOR` is unset.
struct TerminalOutput: Sendable {
    let out: FileDescriptorWriter
    let err: FileDescriptorWriter
    let colourOut: Bool
    let colourErr: Bool

    init(out: FileDescriptorWriter = .standardOutput, err: FileDescriptorWriter = .standardError,
         environment: [String: String] = ProcessEnvironment.current()) {
        self.out = out
        self.err = err
        colourOut = Colour.enabled(isTerminal: out.isTerminal, environment: environment)
        colourErr = Colour.enabled(isTerminal: err.isTerminal, environment: environment)
    }

    func write(_ kind: OutputKind, _ text: String) {
        if kind == .error {
            err.write(colourErr ? Colour.paint(text, as: kind) : text)
        } else {
            out.write(colourOut ? Colour.paint(text, as: kind) : text)
        }
    }

    /// A usage or startup message from kvrepl itself (not from a script), on stderr.
    func usageError(_ message: String) {
        err.write(message.hasSuffix("\n") ? message : message + "\n")
    }
}
