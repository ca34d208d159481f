/// A script to run: its text, and the path diagnostics show it as (`<stdin>` for standard input).
struct ScriptSource: Sendable {
    var path: String
    var text: String
    /// True for a script read from standard input (its reproduce hint cannot name a file).
    var isStandardInput = false
}
