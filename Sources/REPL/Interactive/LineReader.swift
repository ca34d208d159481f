/// What one prompt gave back.
enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C at the prompt: the line is abandoned and a fresh prompt follows.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case endOfInput
}

/// Reads lines at a prompt: libedit when it can be loaded, else plain `readLine()`.
@MainActor
protocol LineReader {
    func readLine(prompt: String) -> LineInput
    /// Records a line the user entered in the history (and its file, if any).
    func remember(_ line: String)
}
