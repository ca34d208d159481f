/// The texts of the `help` command (and of the REPL's `help`).
public enum HelpText {
    /// `help`: every command, one line each (usage + a few words), grouped as LANGUAGE.md groups them.
    public static var overview: String {
        let width = HelpCatalog.entries.map(\.overviewUsage.count).max() ?? 0
        var out = "Commands (help COMMAND for details and an example):\n"
        for group in HelpGroup.allCases {
            let entries = HelpCatalog.entries.filter { $0.group == group }
            guard !entries.isEmpty else { continue }
            out += "\n\(group.rawValue):\n"
            for entry in entries {
                let usage = entry.overviewUsage
                let pad = String(repeating: " ", count: max(0, width - usage.count))
                out += "  \(usage)\(pad)  \(entry.summary)\n"
            }
        }
        return out
    }

    /// `help COMMAND`: usage, what it does (a few lines, faithful to LANGUAGE.md) and an example; nil if unknown.
    public static func command(_ name: String) -> String? {
        guard let entry = HelpCatalog.entry(named: name) else { return nil }
        var out = "usage: " + entry.usages.joined(separator: "\n       ") + "\n\n"
        for line in entry.details { out += line + "\n" }
        out += "\nexample:\n"
        for line in entry.example { out += "  " + line + "\n" }
        return out
    }

    /// The command words that have help, in the order `help` lists them.
    public static var commandNames: [String] { HelpCatalog.entries.map(\.name) }
}
