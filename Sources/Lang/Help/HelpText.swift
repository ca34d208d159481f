/// The texts of the `help` command (and of the REPL's `help`), read from the commands' declarations.
public enum HelpText {
    /// `help`: every command, one line each (usage + a few words), in its group.
    public static var overview: String {
        let all = CommandDeclarations.all
        let width = all.map(\.overviewUsage.count).max() ?? 0
        var out = "Commands (help COMMAND for details and an example):\n"
        for group in HelpGroup.allCases {
            let declarations = all.filter { $0.group == group }
            guard !declarations.isEmpty else { continue }
            out += "\n\(group.rawValue):\n"
            for declaration in declarations {
                let usage = declaration.overviewUsage
                let pad = String(repeating: " ", count: max(0, width - usage.count))
                out += "  \(usage)\(pad)  \(declaration.summary)\n"
            }
        }
        return out
    }

    /// `help COMMAND`: usage, what it does (a few lines) and an example; nil if unknown.
    public static func command(_ name: String) -> String? {
        guard let declaration = CommandDeclarations.named(name) else { return nil }
        var out = "usage: " + declaration.usages.joined(separator: "\n       ") + "\n\n"
        for line in declaration.details { out += line + "\n" }
        out += "\nexample:\n"
        for line in declaration.example { out += "  " + line + "\n" }
        return out
    }

    /// The command words that have help, in the order `help` lists them.
    public static var commandNames: [String] { CommandDeclarations.all.map(\.word) }
}
