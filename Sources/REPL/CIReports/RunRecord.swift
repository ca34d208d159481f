import Lang

/// What a report file needs of one finished (script, seed) run: its result, the text of its
/// failed expectations and script errors, how to replay it and how long it took on the wall clock.
struct RunRecord: Sendable {
    var path: String
    var seed: UInt64
    var result: RunResult
    /// Each `FAIL …` block (with its `expected`/`seen` lines), in order, without the final newline.
    var failures: [String] = []
    /// Each script error as rendered (`file:line:column: error: …` and the caret lines).
    var errors: [String] = []
    /// The command that replays the run (`kvrepl --seed 7 a.kvs`).
    var replay: String
    /// Wall-clock seconds (the one wall-clock figure kvrepl reports).
    var seconds: Double

    /// Keeps the lines a report needs from one of the run's output lines.
    mutating func note(_ kind: OutputKind, _ text: String) {
        guard kind == .failed || kind == .error else { return }
        let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
        if kind == .error {
            errors.append(trimmed)
        } else if trimmed.hasPrefix("FAIL ") {
            failures.append(trimmed)
        }
    }
}
