import Cluster

extension CommandDeclaration {
    /// `config [KEY=VALUE…]`: prints or changes settings.
    static let config = CommandDeclaration(
        word: "config", helpOrder: 10, group: .cluster,
        usages: ["config [KEY=VALUE…]"],
        summary: "print every setting / change settings",
        details: [
            "Without assignments, prints every setting with its value.",
            "With assignments, applies them together, then checks them; a value out of range is",
            "an error at that value and nothing of the line is applied.",
            "Keys: replicas read write vnodes gossip fanout suspect rehash antientropy renew",
            "timeout latency (A..B or one duration) loss (a percentage).",
            "renew is how often the client renews each open stream's registration.",
            "vnodes applies to nodes added afterwards; a change of replicas re-replicates every range.",
        ],
        example: ["config replicas=5 read=3 write=3", "config latency=5ms loss=0.5%", "config"],
        optionNames: Vocabulary.configKeys,
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in
            parser.declared(ConfigArguments(assignments: try configAssignments(parser, &args)), args, into: &table)
        },
        complete: { arguments, context in
            let assigned = Set(arguments.compactMap { word in word.firstIndex(of: "=").map { String(word[..<$0]) } })
            return context.configKeys.filter { !assigned.contains($0) }.map { $0 + "=" }
        },
        behaviour: .of(ConfigArguments.self,
            run: { interpreter, command, config throws(ScriptError) in
                try interpreter.configure(config.assignments, command)
                return .next
            },
            source: { config, word in
                (["config"] + config.assignments.map { "\($0.key.rawValue)=" + sourceText($0.value, word, configText) })
                    .joined(separator: " ")
            },
            prepare: { interpreter, config throws(ScriptError) in _ = try interpreter.settingValues(config.assignments) }))

    private static func configAssignments(_ parser: CommandParser,
                                          _ args: inout Arguments) throws(ScriptError) -> [ConfigAssignment] {
        let file = parser.file
        var result: [ConfigAssignment] = []
        while let token = args.next() {
            guard token.kind == .assignment, let valueWord = token.value else {
                throw args.unexpected(token, expected: "KEY=VALUE")
            }
            let keyText = file.text(token.word)
            guard let key = SettingKey(rawValue: keyText) else {
                throw ScriptError("unknown setting `\(keyText)`: the settings are "
                                  + Vocabulary.configKeys.joined(separator: ", "), at: file.range(token.word),
                                  suggestion: Suggest.nearest(keyText, in: Vocabulary.configKeys))
            }
            if result.contains(where: { $0.key == key }) {
                throw ScriptError("setting `\(keyText)` is named twice: a config line sets each setting once",
                                  at: file.range(token.word))
            }
            let text = file.text(valueWord)
            let value: Amount<ConfigValue>
            if text.holdsIteration {
                value = .iterated(file.word(valueWord))
            } else {
                let form = ValueForm.setting(key)
                guard let read = form.read(text) else {
                    throw args.badValue(token, form.expected, for: key.rawValue)
                }
                value = .value(read)
            }
            result.append(ConfigAssignment(key: key, keyWord: file.word(token.word), value: value,
                                           valueWord: file.word(valueWord)))
        }
        return result
    }

    /// How a setting's value is written back.
    static func configText(_ value: ConfigValue) -> String {
        switch value {
        case .count(let n): "\(n)"
        case .duration(let t): Durations.text(t)
        case .latency(let a, let b): a == b ? Durations.text(a) : "\(Durations.text(a))..\(Durations.text(b))"
        case .percent(let ppm): Formatting.percent(ppm: ppm)
        }
    }
}

/// A `config` value, typed by its key.
public enum ConfigValue: Equatable, Sendable {
    case count(Int)                 // replicas read write vnodes fanout
    case duration(Micros)           // gossip suspect rehash antientropy renew timeout
    case latency(Micros, Micros)    // `5ms` (fixed) or `1ms..10ms`
    case percent(ppm: Int)          // loss: millionths, 0.5% = 5_000
}

/// `key=value` in a `config` line.
public struct ConfigAssignment: Equatable, Sendable {
    public var key: SettingKey
    public var keyWord: Word
    /// `.iterated(valueWord)` when the value holds `$i`.
    public var value: Amount<ConfigValue>
    public var valueWord: Word
    public init(key: SettingKey, keyWord: Word, value: Amount<ConfigValue>, valueWord: Word) {
        self.key = key
        self.keyWord = keyWord
        self.value = value
        self.valueWord = valueWord
    }
}

/// A `config` line's assignments (none: print every setting).
struct ConfigArguments: CommandArguments, Equatable {
    var assignments: [ConfigAssignment]
}

extension Interpreter {
    /// A `config` line's values, in order, each read for its key.
    func settingValues(_ assignments: [ConfigAssignment]) throws(ScriptError) -> [ConfigValue] {
        var values: [ConfigValue] = []
        values.reserveCapacity(assignments.count)
        for assignment in assignments {
            values.append(try value(assignment.value, .setting(assignment.key), for: assignment.key.rawValue))
        }
        return values
    }


    /// `config`: prints every setting, or applies a line's assignments together, then checks them.
    func configure(_ assignments: [ConfigAssignment], _ command: Command) throws(ScriptError) {
        guard !assignments.isEmpty else {
            let settings = cluster.settings
            session.emit(.normal, SettingKey.allCases.map { "\($0.rawValue)=\(Formatting.setting($0, of: settings))" }
                .joined(separator: "\n"))
            return
        }
        var settings = cluster.settings
        let values = try settingValues(assignments)
        for (a, value) in zip(assignments, values) {
            switch (a.key, value) {
            case (.replicas, .count(let n)): settings.replicas = n
            case (.read, .count(let n)): settings.read = n
            case (.write, .count(let n)): settings.write = n
            case (.vnodes, .count(let n)): settings.vnodes = n
            case (.fanout, .count(let n)): settings.fanout = n
            case (.gossip, .duration(let t)): settings.gossip = t
            case (.suspect, .duration(let t)): settings.suspect = t
            case (.rehash, .duration(let t)): settings.rehash = t
            case (.antientropy, .duration(let t)): settings.antientropy = t
            case (.renew, .duration(let t)): settings.renew = t
            case (.timeout, .duration(let t)): settings.timeout = t
            case (.latency, .latency(let a, let b)):
                settings.latencyMin = a
                settings.latencyMax = b
            case (.loss, .percent(let ppm)): settings.lossPPM = ppm
            default:
                throw ScriptError("`\(a.key.rawValue)` cannot take this value", at: a.valueWord.range)
            }
        }
        if let (key, message) = settings.firstInvalid() {
            // Point at the value that broke the rule: the key itself, or `replicas` when it made read/write too high.
            let culprit = assignments.last { $0.key == key }
                ?? assignments.last { $0.key == .replicas && (key == .read || key == .write) }
                ?? assignments[0]
            let note = if case .iterated = culprit.value { iterationNote } else { "" }
            throw ScriptError("bad value: \(message); nothing of this line was applied" + note,
                              at: culprit.valueWord.range)
        }
        try attempt(command, []) { () throws(ClusterError) in try cluster.configure(settings) }
    }
}
