import Lang

/// ANSI colours for output kinds. Used only on a terminal with `NO_COLOR` unset.
enum Colour {
    static let reset = "\u{1B}[0m"

    /// The escape that starts the colour of `kind`, or nil for plain text.
    static func escape(for kind: OutputKind) -> String? {
        switch kind {
        case .failed, .error: "\u{1B}[31m"   // red
        case .passed: "\u{1B}[32m"           // green
        case .delivery: "\u{1B}[36m"         // cyan
        case .trace: "\u{1B}[2m"             // dim
        case .normal, .outcome, .command, .summary: nil
        }
    }

    /// `text` wrapped in the colour of `kind`, keeping a trailing newline outside the colour so a
    /// terminal never carries the colour into the next line.
    static func paint(_ text: String, as kind: OutputKind) -> String {
        guard let start = escape(for: kind), !text.isEmpty else { return text }
        if text.hasSuffix("\n") {
            return start + text.dropLast() + reset + "\n"
        }
        return start + text + reset
    }

    /// The no-color.org convention: colour only on a terminal, and never when `NO_COLOR`
    /// is set to any value.
    static func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && environment["NO_COLOR"] == nil
    }
}
