/// A script error (docs/language.md: exit status 2): where it is, what is wrong, and a suggestion.
public struct ScriptError: Error, Equatable, Sendable {
    public var range: SourceRange
    public var message: String
    /// The nearest valid word, shown as "did you mean `…`?".
    public var suggestion: String?

    public init(_ message: String, at range: SourceRange, suggestion: String? = nil) {
        self.message = message
        self.range = range
        self.suggestion = suggestion
    }

    /// The full diagnostic: `file:line:column: error: message`, the line, a caret under the word,
    /// and the suggestion if any. Always ends with a newline.
    public var rendered: String {
        var text = "\(range.location): error: \(message)\n"
        let line = range.file.line(range.line)
        text += "    \(line)\n"
        // Tabs before the word stay tabs, so the caret lines up however the terminal shows them.
        let pad = String(line.prefix(max(0, range.column - 1)).map { $0 == "\t" ? "\t" : " " })
            + String(repeating: " ", count: max(0, range.column - 1 - line.count))
        text += "    \(pad)^\(String(repeating: "~", count: max(0, range.length - 1)))\n"
        if let suggestion { text += "    did you mean `\(suggestion)`?\n" }
        return text
    }
}
