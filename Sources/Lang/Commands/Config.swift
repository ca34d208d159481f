import Cluster

extension CommandDeclaration {
    /// `config [KEY=VALUE…]`: prints or changes settings.
    static let config = CommandDeclaration(
        word: "config", group: .cluster,
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
            parser.built(.config(try configAssignments(parser, &args)), args, into: &table)
        },
        complete: { arguments, context in
            let assigned = Set(arguments.compactMap { word in word.firstIndex(of: "=").map { String(word[..<$0]) } })
            return context.configKeys.filter { !assigned.contains($0) }.map { $0 + "=" }
        })

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
}
