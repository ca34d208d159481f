import Lang

/// The output of one run, kept in order so it can be printed later (a `--seeds` sweep prints each
/// run whole, in seed order, whatever order the runs finished in; see ParallelRuns).
final class CapturedOutput {
    private(set) var lines: [(kind: OutputKind, text: String)] = []

    func append(_ kind: OutputKind, _ text: String) {
        lines.append((kind, text))
    }
}
