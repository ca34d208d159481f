import Cluster

/// Parses the tokens of one command (a line, or the part of a line between braces) into an entry of
/// a `CommandTable`. Blocks are the business of `ScriptParser`: here `repeat` and `at` are only headers.
struct CommandParser {
    /// The file the tokens are from: their text and ranges are read through it.
    let file: SourceFile
    /// The file's bytes, where words are compared.
    let source: SourceBytes
    /// Parses and resolves the script named by an `include`'s path word, at `includeDepth`.
    let resolveInclude: (Word, Int) throws(ScriptError) -> Script
    /// The block and include levels an included file starts at.
    var includeDepth = 1

    init(file: SourceFile, resolveInclude: @escaping (Word, Int) throws(ScriptError) -> Script) {
        self.file = file
        self.source = file.source
        self.resolveInclude = resolveInclude
    }

    /// Parses `tokens` (non-empty, without braces) into `table`; returns the command's entry.
    func parse(_ tokens: Tokens, into table: inout CommandTable) throws(ScriptError) -> Int {
        guard let first = tokens.first else {
            // Callers never pass an empty command; an error rather than a trap all the same.
            throw ScriptError("empty command", at: SourceRange(file: SourceFile(path: "", text: ""),
                                                               line: 1, column: 1, length: 1))
        }
        let verb = try commandWord(first)
        if let entry = plainCommand(verb, tokens, into: &table) { return entry }
        var args = Arguments(verb.rawValue, anchor: first, rest: tokens.dropFirst(), file: file)
        return try parse(verb, &args, into: &table)
    }

    /// The header of a block, `repeat N` or `at TIME`, from the tokens before its `{`.
    func header(_ tokens: Tokens, brace: Token) throws(ScriptError) -> BlockHeader {
        guard let first = tokens.first else {
            throw ScriptError("`{` opens a block only after `repeat N` or `at TIME`", at: file.range(brace))
        }
        let verb = try commandWord(first)
        if verb == .repeat, let count = plainRepeatCount(tokens) {
            return BlockHeader(kind: .repeat(.value(count)), word: first.word, brace: brace.word)
        }
        var args = Arguments(verb.rawValue, anchor: first, rest: tokens.dropFirst(), file: file)
        switch verb {
        case .repeat:
            let count = try args.count("a count")
            try args.end()
            return BlockHeader(kind: .repeat(count), word: first.word, brace: brace.word)
        case .at:
            let time = try args.duration("a time")
            try args.end()
            return BlockHeader(kind: .at(time), word: first.word, brace: brace.word)
        default:
            throw ScriptError("`{` opens a block only after `repeat N` or `at TIME`, not after `\(verb.rawValue)`",
                              at: file.range(brace))
        }
    }

    /// The command word: a known bare word, or an error with a suggestion.
    private func commandWord(_ token: Token) throws(ScriptError) -> Verb {
        switch token.kind {
        case .assignment:
            throw ScriptError("a line starts with a command, not field=value", at: file.range(token))
        case .pipe:
            throw ScriptError("`|` only separates the groups of a partition", at: file.range(token))
        case .openBrace, .closeBrace:
            // ScriptParser never passes braces here; an error rather than a trap all the same.
            throw ScriptError("unexpected `\(file.text(token.word))`", at: file.range(token))
        case .word:
            if !token.word.quoted, let verb = Verb(source, token.word) { return verb }
            let lowered = file.text(token.word).lowercased()
            let suggestion = Vocabulary.commands.contains(lowered) ? lowered
                : Suggest.nearest(lowered, in: Vocabulary.commands)
            throw ScriptError("unknown command `\(file.display(token))`", at: file.range(token),
                              suggestion: suggestion)
        }
    }

    /// The command's arguments into `table`: its words, then its entry (or the built command).
    private func parse(_ verb: Verb, _ args: inout Arguments, into table: inout CommandTable) throws(ScriptError) -> Int {
        let anchor = args.anchor.word
        let firstWord = table.nextWord
        func built(_ kind: CommandKind) -> Int { table.append(built: Command(kind, at: file.range(anchor))) }
        func entry(_ kind: CommandTable.Kind, _ flags: CommandTable.Flags = [], value: Int64 = 0) -> Int {
            table.append(kind, at: anchor, wordsFrom: firstWord, flags: flags, value: value)
        }
        /// An entry whose number is `reading` (`within`: an optional limit, flag `within`).
        func entry<Value>(_ kind: CommandTable.Kind, _ reading: Reading<Value>?, within: Bool = false,
                          _ bits: (Value) -> Int64) -> Int {
            var flags: CommandTable.Flags = within && reading != nil ? .within : []
            let (value, iterated) = stored(reading, into: &table, bits)
            if iterated { flags.insert(.iterated) }
            return entry(kind, flags, value: value)
        }
        switch verb {
        case .config: return built(.config(try config(&args)))
        case .seed:
            let seed = try args.seed()
            try args.end()
            return entry(.seed, seed) { Int64(bitPattern: $0) }
        case .add:
            while let token = args.next() {
                let node = try args.name(token, kind: .node)
                if table.words[firstWord...].contains(where: { source.sameText($0, node) }) {
                    throw ScriptError("`\(file.text(node))` is named twice: `add` starts each node once",
                                      at: file.range(node))
                }
                table.append(word: node)
            }
            if table.nextWord == firstWord { throw args.missing("at least one node name") }
            return entry(.add)
        case .remove, .restart, .pause, .resume, .isolate:
            table.append(word: try args.node())
            try args.end()
            switch verb {
            case .remove: return entry(.remove)
            case .restart: return entry(.restart)
            case .pause: return entry(.pause)
            case .resume: return entry(.resume)
            default: return entry(.isolate)
            }
        case .kill:
            table.append(word: try args.node())
            var wipe = false
            if !args.isEmpty {
                _ = try args.choice("`wipe`", ["wipe"])
                wipe = true
            }
            try args.end()
            return entry(.kill, wipe ? .wipe : [])
        case .partition: return built(.partition(try partition(&args)))
        case .heal, .quit:
            try args.end()
            return entry(verb == .heal ? .heal : .quit)
        case .put:
            let node = try args.takeVia()
            table.append(word: try args.key())
            if try assignments(&args, into: &table) == 0 { throw args.missing("at least one field=value") }
            let flags = append(via: node, into: &table)
            return entry(.put, flags)
        case .get, .delete:
            let node = try args.takeVia()
            table.append(word: try args.key())
            try fields(&args, into: &table)
            let flags = append(via: node, into: &table)
            return entry(verb == .get ? .get : .delete, flags)
        case .stream:
            let initial = args.takeFlag("initial") != nil
            table.append(word: try args.stream())
            table.append(word: try args.key())
            if try fields(&args, into: &table) == 0 { throw args.missing("at least one field name") }
            return entry(.stream, initial ? .initial : [])
        case .close, .disconnect, .reconnect:
            table.append(word: try args.stream())
            try args.end()
            return entry(verb == .close ? .close : verb == .disconnect ? .disconnect : .reconnect)
        case .advance:
            let duration = try args.duration()
            try args.end()
            return entry(.advance, duration) { $0 }
        case .wait:
            _ = try args.choice("`converged`", ["converged"])
            return entry(.waitConverged, try args.within(), within: true) { $0 }
        case .at, .repeat:
            throw ScriptError("`\(verb.rawValue)` needs a block: \(args.usage)", at: file.range(args.anchor))
        case .expect: return try expectation(&args, into: &table)
        case .chaos: return built(.chaos(try chaos(&args)))
        case .check:
            return entry(.check, try args.within(), within: true) { $0 }
        case .show: return built(.show(try show(&args)))
        case .echo:
            var words: [Word] = []
            words.reserveCapacity(args.rest.count)
            var reader = SourceReader(file: file)
            while let token = args.next() {
                if token.kind == .assignment, let value = token.value {
                    words.append(Word("\(file.text(token.word))=\(file.text(value))", at: reader.range(token),
                                      quoted: value.quoted))
                } else {
                    words.append(reader.word(token.word))
                }
            }
            return built(.echo(words))
        case .trace:
            let (state, _) = try args.choice("`on` or `off`", ["on", "off"])
            try args.end()
            return built(.trace(state == "on"))
        case .include:
            let token = try args.required("a file")
            guard token.kind == .word else { throw args.unexpected(token, expected: "a file") }
            try args.end()
            let path = file.word(token.word)
            if path.text.holdsIteration {
                throw ScriptError("an include path cannot hold `$i`: includes are resolved before the script runs",
                                  at: file.range(token))
            }
            return built(.include(path: path, script: try resolveInclude(path, includeDepth)))
        case .help:
            var topic: Word?
            if let token = args.next() {
                guard token.kind == .word else { throw args.unexpected(token, expected: "a command") }
                topic = file.word(token.word)
            }
            try args.end()
            return built(.help(topic))
        }
    }

    /// An entry's number: its bits, or (its word holding `$i`) 0 and true, the word appended to
    /// `table` as the entry's next word.
    func stored<Value>(_ reading: Reading<Value>?, into table: inout CommandTable,
                       _ bits: (Value) -> Int64) -> (value: Int64, iterated: Bool) {
        switch reading {
        case nil: return (0, false)
        case .value(let value)?: return (bits(value), false)
        case .iterated(let word)?:
            table.append(word: word)
            return (0, true)
        }
    }

    /// The AST's form of `reading`.
    func amount<Value>(_ reading: Reading<Value>) -> Amount<Value> {
        switch reading {
        case .value(let value): .value(value)
        case .iterated(let word): .iterated(file.word(word))
        }
    }

    /// Appends the node of a `via`, last of an entry's words: the entry's flag for it.
    func append(via node: Lexeme?, into table: inout CommandTable) -> CommandTable.Flags {
        guard let node else { return [] }
        table.append(word: node)
        return .via
    }

    /// The remaining words as `field=value` pairs, field then value, into `table`: how many pairs.
    @discardableResult
    func assignments(_ args: inout Arguments, into table: inout CommandTable) throws(ScriptError) -> Int {
        var fields: [Lexeme] = []
        while let token = args.next() {
            let (field, value) = try args.assignment(token)
            try noteField(field, in: &fields)
            table.append(word: field)
            table.append(word: value)
        }
        return fields.count
    }

    /// Adds `field` to the fields of one command's pairs (or, with `listed`, of its field list); a field
    /// named twice is an error at its second use.
    func noteField(_ field: Lexeme, in fields: inout [Lexeme], listed: Bool = false) throws(ScriptError) {
        if fields.contains(where: { source.sameText($0, field) }) {
            throw ScriptError(Self.fieldNamedTwice(file.text(field), listed: listed), at: file.range(field))
        }
        fields.append(field)
    }

    /// The message for a field named twice in one command (the interpreter says the same of one that
    /// `$i` makes the same as another).
    static func fieldNamedTwice(_ field: String, listed: Bool) -> String {
        "field `\(field)` is named twice: " + (listed ? "a field list names each field once"
                                                     : "a command sets or expects each field once")
    }

    /// True when two of `tokens` are the same word: a field list, or the fields of field=value
    /// pairs (an assignment's word is its field). The fast paths leave such a command to the
    /// general parser, which reports it.
    func repeatsAWord(_ tokens: Tokens) -> Bool {
        var index = tokens.startIndex
        while index < tokens.endIndex {
            let word = tokens[index].word
            if tokens[(index + 1)...].contains(where: { source.sameText($0.word, word) }) { return true }
            index += 1
        }
        return false
    }

    /// The remaining words as field names, into `table`: how many.
    @discardableResult
    private func fields(_ args: inout Arguments, into table: inout CommandTable) throws(ScriptError) -> Int {
        var fields: [Lexeme] = []
        while let token = args.next() {
            let field = try args.field(token)
            try noteField(field, in: &fields, listed: true)
            table.append(word: field)
        }
        return fields.count
    }

    // MARK: Commands with more structure

    private func config(_ args: inout Arguments) throws(ScriptError) -> [ConfigAssignment] {
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

    /// `A… | B… [| C…]`: two or more non-empty, disjoint groups.
    private func partition(_ args: inout Arguments) throws(ScriptError) -> [[Word]] {
        var groups: [[Word]] = [[]]
        var pipes: [Token] = []
        var seen: Set<String> = []
        var reader = SourceReader(file: file)
        while let token = args.next() {
            if token.kind == .pipe {
                if groups[groups.count - 1].isEmpty {
                    let side = pipes.isEmpty ? "before this `|`" : "between this `|` and the one before it"
                    throw ScriptError("empty group \(side): every group of a partition needs a node: \(args.usage)",
                                      at: file.range(token))
                }
                groups.append([])
                pipes.append(token)
                continue
            }
            let node = reader.word(try args.name(token, kind: .node))
            guard seen.insert(node.text).inserted else {
                throw ScriptError("`\(node.text)` is named twice: the groups of a partition must be disjoint",
                                  at: node.range)
            }
            groups[groups.count - 1].append(node)
        }
        guard let lastPipe = pipes.last else {
            if groups[0].isEmpty { throw args.missing("groups of nodes") }
            throw args.missing("at least two groups separated by `|`")
        }
        if groups[groups.count - 1].isEmpty {
            throw ScriptError("empty group after this `|`: every group of a partition needs a node: \(args.usage)",
                              at: file.range(lastPipe))
        }
        return groups
    }

    private func chaos(_ args: inout Arguments) throws(ScriptError) -> ChaosArguments {
        var options = ChaosArguments(duration: amount(try args.duration()))
        while let token = args.next() {
            guard token.kind == .assignment, let value = token.value else {
                throw args.unexpected(token, expected: "ops=N, keys=K or streams=S")
            }
            let option = file.text(token.word)
            guard Vocabulary.chaosOptions.contains(option) else {
                throw ScriptError("unknown chaos option `\(option)`: expected ops=N, keys=K or streams=S",
                                  at: file.range(token.word),
                                  suggestion: Suggest.nearest(option, in: Vocabulary.chaosOptions))
            }
            let text = file.text(value)
            let count: Amount<Int>
            if text.holdsIteration {
                count = .iterated(file.word(value))
            } else {
                let form = option == "keys" ? ValueForm.chaosKeys : .count
                guard let read = form.read(text) else { throw args.badValue(token, form.expected, for: option) }
                count = .value(read)
            }
            switch option {
            case "ops": options.ops = count
            case "keys": options.keys = count
            default: options.streams = count
            }
        }
        return options
    }

    private func show(_ args: inout Arguments) throws(ScriptError) -> ShowTarget {
        let (target, _) = try args.choice("what to show", Vocabulary.showTargets)
        let result: ShowTarget
        switch target {
        case "ring": result = .ring
        case "nodes": result = .nodes
        case "streams": result = .streams
        case "stats": result = .stats
        case "convergence": result = .convergence
        default: result = .key(file.word(try args.key()))
        }
        try args.end()
        return result
    }
}

/// The word that starts a command.
enum Verb: String, CaseIterable {
    case config, seed, add, remove, kill, restart, pause, resume, partition, isolate, heal
    case put, get, delete, stream, close, disconnect, reconnect, advance, wait, at
    case expect, chaos, check, show, echo, trace, `repeat`, include, help, quit

    /// The verb that `lexeme` spells, matched on the file's bytes (every command line has one, so
    /// no `String` is made or hashed for it).
    init?(_ source: SourceBytes, _ lexeme: Lexeme) {
        guard !lexeme.escaped, let verb = source.withText(of: lexeme, Self.verb) else { return nil }
        self = verb
    }

    /// The verb `word` spells. Its first byte and length leave a few candidates, compared whole:
    /// a switch, with no table to hash into or initialise and no `String` made.
    static func verb(spelt word: UnsafeBufferPointer<UInt8>) -> Verb? {
        func named(_ spelling: StaticString, _ verb: Verb) -> Verb? {
            spelling.withUTF8Buffer { ByteScan.equal($0, word) } ? verb : nil
        }
        guard let first = word.first else { return nil }
        switch (Unicode.Scalar(first), word.count) {
        case ("a", 2): return named("at", .at)
        case ("a", 3): return named("add", .add)
        case ("a", 7): return named("advance", .advance)
        case ("c", 5): return named("close", .close) ?? named("chaos", .chaos) ?? named("check", .check)
        case ("c", 6): return named("config", .config)
        case ("d", 6): return named("delete", .delete)
        case ("d", 10): return named("disconnect", .disconnect)
        case ("e", 4): return named("echo", .echo)
        case ("e", 6): return named("expect", .expect)
        case ("g", 3): return named("get", .get)
        case ("h", 4): return named("heal", .heal) ?? named("help", .help)
        case ("i", 7): return named("isolate", .isolate) ?? named("include", .include)
        case ("k", 4): return named("kill", .kill)
        case ("p", 3): return named("put", .put)
        case ("p", 5): return named("pause", .pause)
        case ("p", 9): return named("partition", .partition)
        case ("q", 4): return named("quit", .quit)
        case ("r", 6): return named("remove", .remove) ?? named("resume", .resume) ?? named("repeat", .repeat)
        case ("r", 7): return named("restart", .restart)
        case ("r", 9): return named("reconnect", .reconnect)
        case ("s", 4): return named("seed", .seed) ?? named("show", .show)
        case ("s", 6): return named("stream", .stream)
        case ("t", 5): return named("trace", .trace)
        case ("w", 4): return named("wait", .wait)
        default: return nil
        }
    }

    /// May stand in an `at` block: cluster commands and client operations.
    var runsInAtBlock: Bool {
        switch self {
        case .put, .get, .delete, .add, .remove, .kill, .restart, .pause, .resume, .partition, .isolate, .heal,
             .config:
            return true
        default:
            return false
        }
    }
}

/// `repeat N` or `at TIME`, before a `{`.
struct BlockHeader {
    enum Kind {
        case `repeat`(Reading<Int>)
        case at(Reading<Micros>)
    }
    var kind: Kind
    /// The command word (`repeat`, `at`): the command's range.
    var word: Lexeme
    /// The `{`, where "unclosed" errors point.
    var brace: Lexeme
}
