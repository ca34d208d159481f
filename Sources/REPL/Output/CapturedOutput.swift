import Lang

/// The output of one run, kept in order so it can be printed later (a `--seeds` sweep prints each
/// run whole, in seed order, whatever order the runs finished in).
final class CapturedOutput {
    private(set) var lines: [(kind: OutputKind, text: String)] = []

    func append(_ kind: OutputKind, _ text: String) {
        lines.append((kind, text))
    }

    func replay(to output: TerminalOutput) {
        for line in lines { output.write(line.kind, line.text) }
    }
}
