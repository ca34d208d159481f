import Cluster

/// The words after a command word, consumed left to right (and options from the right),
/// with the error messages that name the command's usage form.
struct Arguments {
    /// The word naming the command (or the `expect` form): where "needs …" errors point.
    let anchor: Token
    /// The command as its usage is looked up: `kill`, `expect get`.
    let name: String
    var rest: Tokens
    /// The file the tokens are from. Unowned: arguments live only while their command is parsed,
    /// by a parser that holds the file (and so a command's words cost no reference counting).
    unowned(unsafe) let file: SourceFile
    /// The file's bytes, where words are compared.
    let source: SourceBytes

    /// The index of the command in `CommandDeclarations.all` (-1: a form of `expect`, whose
    /// arguments are parsed by `expect`'s declaration).
    let command: Int

    init(_ name: String, anchor: Token, rest: Tokens, file: SourceFile, command: Int = -1) {
        self.name = name
        self.command = command
        self.anchor = anchor
        self.rest = rest
        self.file = file
        self.source = file.source
    }

    var usage: String { Usage.of(name) ?? name }
    var isEmpty: Bool { rest.isEmpty }

    // MARK: Taking words

    mutating func next() -> Token? { rest.popFirst() }

    /// The next token, which must exist; otherwise "`kill` needs a node name: kill NODE [wipe]".
    mutating func required(_ what: String) throws(ScriptError) -> Token {
        guard let token = rest.popFirst() else { throw missing(what) }
        return token
    }

    /// A trailing `via NODE`, removed from the end: the node.
    mutating func takeVia() throws(ScriptError) -> Lexeme? {
        guard let last = rest.last else { return nil }
        if source.isKeyword(last, "via") {
            throw ScriptError("`via` needs a node name after it: \(usage)", at: file.range(last.word))
        }
        guard rest.count >= 2, last.kind == .word, source.isKeyword(rest[rest.endIndex - 2], "via") else { return nil }
        let node = try name(last, kind: .node)
        rest.removeLast(2)
        return node
    }

    /// A trailing bare `flag` (`initial`, `only`, `wipe`), removed from the end.
    mutating func takeFlag(_ flag: StaticString) -> Token? {
        guard let last = rest.last, source.isKeyword(last, flag) else { return nil }
        rest.removeLast()
        return last
    }

    /// Nothing may follow.
    func end() throws(ScriptError) {
        if let extra = rest.first { throw tooMany(extra) }
    }

    // MARK: Typed words

    enum NameKind: String { case node, stream }

    mutating func node() throws(ScriptError) -> Lexeme { try name(required("a node name"), kind: .node) }
    mutating func stream() throws(ScriptError) -> Lexeme { try name(required("a stream name"), kind: .stream) }

    /// A node or stream name: `[A-Za-z_][A-Za-z0-9_-]*`, not reserved (`$i` counts as a digit).
    func name(_ token: Token, kind: NameKind) throws(ScriptError) -> Lexeme {
        guard token.kind == .word else { throw unexpected(token, expected: "a \(kind.rawValue) name") }
        // Most names are checked on their bytes; the others (and every invalid one) as a String.
        if !token.word.quoted && source.isSurelyValidName(token.word) { return token.word }
        guard let problem = NameRules.problem(with: file.text(token.word), naming: kind.rawValue) else {
            return token.word
        }
        throw ScriptError(problem, at: file.range(token.word))
    }

    /// A key: any bare or quoted word.
    mutating func key() throws(ScriptError) -> Lexeme {
        let token = try required("a key")
        guard token.kind == .word else { throw unexpected(token, expected: "a key") }
        return token.word
    }

    /// A field name: a bare word.
    func field(_ token: Token) throws(ScriptError) -> Lexeme {
        if token.kind == .assignment {
            throw ScriptError("`\(name)` takes field names, not field=value: \(usage)", at: file.range(token))
        }
        guard token.kind == .word else { throw unexpected(token, expected: "a field name") }
        guard !token.word.quoted else {
            throw ScriptError("a field name is a bare word: write it without quotes", at: file.range(token.word))
        }
        return token.word
    }

    /// `field=value`: the field and the value.
    @inline(__always)
    func assignment(_ token: Token) throws(ScriptError) -> (field: Lexeme, value: Lexeme) {
        guard token.kind == .assignment, let value = token.value else { throw notAssignment(token) }
        return (token.word, value)
    }

    private func notAssignment(_ token: Token) -> ScriptError {
        if token.kind == .word && !isOption(token) {
            return ScriptError("expected field=value, not `\(file.display(token))` (no blanks around `=`): \(usage)",
                               at: file.range(token))
        }
        return unexpected(token, expected: "field=value")
    }

    /// The next word as a duration, or (holding `$i`) the word, read as each iteration runs.
    mutating func duration(_ what: String = "a duration") throws(ScriptError) -> Reading<Micros> {
        try duration(of: try required(what))
    }

    /// `token` as a duration, or (holding `$i`) the word, read as each iteration runs.
    func duration(of token: Token) throws(ScriptError) -> Reading<Micros> {
        guard token.kind == .word else {
            throw ScriptError("expected a duration, not `\(file.display(token))`: \(usage)", at: file.range(token))
        }
        if token.holdsIteration { return .iterated(token.word) }
        guard let value = Values.duration(file.text(token.word)) else { throw badValue(token, Values.durationForm) }
        return .value(value)
    }

    /// The next word as a count, or (holding `$i`) the word, read as each iteration runs.
    mutating func count(_ what: String) throws(ScriptError) -> Reading<Int> {
        let token = try required(what)
        guard token.kind == .word else { throw unexpected(token, expected: what) }
        if token.holdsIteration { return .iterated(token.word) }
        let value = token.word.escaped ? Values.count(file.text(token.word)) : source.withText(of: token.word, Values.count)
        guard let value else { throw badValue(token, Values.countForm) }
        return .value(value)
    }

    /// The next word as a seed, or (holding `$i`) the word, read as each iteration runs.
    mutating func seed() throws(ScriptError) -> Reading<UInt64> {
        let token = try required("a seed number")
        guard token.kind == .word else { throw badValue(token, Values.seedForm) }
        if token.holdsIteration { return .iterated(token.word) }
        guard let seed = Values.seed(file.text(token.word)) else { throw badValue(token, Values.seedForm) }
        return .value(seed)
    }

    /// The next word, which must be one of `choices` (with a suggestion when it is close to one).
    mutating func choice(_ what: String, _ choices: [String]) throws(ScriptError) -> (String, Token) {
        let token = try required(what)
        let text = file.text(token.word)
        guard token.isBare, choices.contains(text) else {
            let quoted = choices.map { "`\($0)`" }
            let list = quoted.count < 2 ? quoted.joined()
                : quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
            throw ScriptError("unknown word `\(file.display(token))`: expected \(list): \(usage)", at: file.range(token),
                              suggestion: token.isBare ? Suggest.nearest(text, in: choices) : nil)
        }
        return (text, token)
    }

    /// An optional trailing `within DURATION`.
    mutating func within() throws(ScriptError) -> Reading<Micros>? {
        guard !rest.isEmpty else { return nil }
        _ = try choice("`within`", ["within"])
        let limit = try duration("a duration after `within`")
        try end()
        return limit
    }

    // MARK: Errors

    /// "`kill` needs a node name: kill NODE [wipe]", at the command word.
    func missing(_ what: String) -> ScriptError {
        ScriptError("`\(name)` needs \(what): \(usage)", at: file.range(anchor))
    }

    /// `repeat` or `at` without its `{ … }`.
    func needsBlock() -> ScriptError {
        ScriptError("`\(name)` needs a block: \(usage)", at: file.range(anchor))
    }

    func tooMany(_ token: Token) -> ScriptError {
        if isOption(token) || token.kind == .pipe { return unexpected(token, expected: "") }
        return ScriptError("too many words for `\(name)`: \(usage)", at: file.range(token))
    }

    /// An option word out of place, a stray `|`, or just the wrong kind of word.
    func unexpected(_ token: Token, expected: String) -> ScriptError {
        let range = file.range(token)
        if source.isKeyword(token, "via") {
            return ScriptError("`via NODE` is an option only as the last words of a line: \(usage)", at: range)
        }
        if isOption(token) {
            return ScriptError("`\(file.text(token.word))` is an option only as the last word of a line: \(usage)",
                               at: range)
        }
        if token.kind == .pipe {
            return ScriptError("`|` only separates the groups of a partition: \(usage)", at: range)
        }
        return ScriptError("expected \(expected), not `\(file.display(token))`: \(usage)", at: range)
    }

    private func isOption(_ token: Token) -> Bool {
        source.isKeyword(token, "via") || source.isKeyword(token, "only") || source.isKeyword(token, "initial")
    }

    /// "bad value `x` for `key`: expected …", at the value of an assignment or at the word.
    func badValue(_ token: Token, _ form: String, for key: String? = nil) -> ScriptError {
        let word = token.kind == .assignment ? token.value ?? token.word : token.word
        let text = file.text(word)
        return ScriptError(Values.badValue(word.quoted ? quote(text) : text, expected: form, for: key),
                           at: file.range(word))
    }
}
