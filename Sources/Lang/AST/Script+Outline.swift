import Cluster

/// A script as a tree of source lines, for tools that edit scripts (`kvrepl shrink`): each command
/// written back as one line, `at` and `repeat` as a header line with their body, and `include`s
/// replaced by the commands of the file they name, so the tree stands without its files.
public indirect enum OutlineItem: Equatable, Sendable {
    case line(String)
    /// `at TIME` or `repeat COUNT`, and the commands of its `{ … }` body.
    case block(header: String, body: [OutlineItem])
}

extension Script {
    /// The top-level commands as an outline; words as written (`$i` kept).
    public var outline: [OutlineItem] { Self.outline(commands) }

    static func outline(_ commands: some Sequence<Command>) -> [OutlineItem] {
        var items: [OutlineItem] = []
        for command in commands {
            let arguments = command.declared.arguments
            if let at = arguments as? AtArguments {
                items.append(.block(header: "at " + Self.text(at.time, Durations.text), body: outline(at.block)))
            } else if let repeated = arguments as? RepeatArguments {
                items.append(.block(header: "repeat " + Self.text(repeated.count) { "\($0)" }, body: outline(repeated.body)))
            } else if let include = arguments as? IncludeArguments {
                items += outline(include.script.commands)
            } else {
                items.append(.line(command.source()))
            }
        }
        return items
    }

    private static func text<Value>(_ amount: Amount<Value>, _ text: (Value) -> String) -> String {
        switch amount {
        case .value(let value): text(value)
        case .iterated(let word): word.text
        }
    }
}

/// Reading the values a script editor changes, as the language reads them.
public enum ScriptValues {
    /// `250ms`, `1.5s`, `2m`: the duration in microseconds, or nil when the word is not one.
    public static func duration(_ text: String) -> Micros? { Values.duration(text) }
    /// A whole number from 0 to 10^9, or nil.
    public static func count(_ text: String) -> Int? { Values.count(text) }
}

extension ScriptValues {
    /// A duration as the language writes it: `0s`, `250ms`, `1.5s`, `2m`.
    public static func text(_ micros: Micros) -> String { Durations.text(micros) }
}
