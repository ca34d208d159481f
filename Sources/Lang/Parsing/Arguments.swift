import Cluster

/// The words after a command word, consumed left to right (and options from the right),
/// with the error messages that name the command's usage form.
struct Arguments {
    /// The word naming the command (or the `expect` form): where "needs …" errors point.
    let anchor: Token
    /// The command as its usage is looked up: `kill`, `expect get`.
    let name: String
    var rest: ArraySlice<Token>

    init(_ name: String, anchor: Token, rest: ArraySlice<Token>) {
        self.name = name
        self.anchor = anchor
        self.rest = rest
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

    /// A trailing `via NODE`, removed from the end.
    mutating func takeVia() throws(ScriptError) -> Word? {
        guard let last = rest.last else { return nil }
        if last.isKeyword("via") {
            throw ScriptError("`via` needs a node name after it: \(usage)", at: last.word.range)
        }
        guard rest.count >= 2, last.kind == .word, rest[rest.endIndex - 2].isKeyword("via") else { return nil }
        let node = try name(last, kind: .node)
        rest.removeLast(2)
        return node
    }

    /// A trailing bare `flag` (`initial`, `only`, `wipe`), removed from the end.
    mutating func takeFlag(_ flag: String) -> Token? {
        guard let last = rest.last, last.isKeyword(flag) else { return nil }
        rest.removeLast()
        return last
    }

    /// Nothing may follow.
    func end() throws(ScriptError) {
        if let extra = rest.first { throw tooMany(extra) }
    }

    // MARK: Typed words

    enum NameKind: String { case node, stream }

    mutating func node() throws(ScriptError) -> Word { try name(required("a node name"), kind: .node) }
    mutating func stream() throws(ScriptError) -> Word { try name(required("a stream name"), kind: .stream) }

    /// A node or stream name: `[A-Za-z_][A-Za-z0-9_-]*`, not reserved (`$i` counts as a digit).
    func name(_ token: Token, kind: NameKind) throws(ScriptError) -> Word {
        guard token.kind == .word else { throw unexpected(token, expected: "a \(kind.rawValue) name") }
        guard let problem = NameRules.problem(with: token.word.text, naming: kind.rawValue) else { return token.word }
        throw ScriptError(problem, at: token.word.range)
    }

    /// A key: any bare or quoted word.
    mutating func key() throws(ScriptError) -> Word {
        let token = try required("a key")
        guard token.kind == .word else { throw unexpected(token, expected: "a key") }
        return token.word
    }

    /// A field name: a bare word.
    func field(_ token: Token) throws(ScriptError) -> Word {
        if token.kind == .assignment {
            throw ScriptError("`\(name)` takes field names, not field=value: \(usage)", at: token.range)
        }
        guard token.kind == .word else { throw unexpected(token, expected: "a field name") }
        guard !token.word.quoted else {
            throw ScriptError("a field name is a bare word: write it without quotes", at: token.word.range)
        }
        return token.word
    }

    /// `field=value`.
    func assignment(_ token: Token) throws(ScriptError) -> Assignment {
        guard token.kind == .assignment, let value = token.value else {
            if token.kind == .word && !isOption(token) {
                throw ScriptError("expected field=value, not `\(token.display)` (no blanks around `=`): \(usage)",
                                  at: token.range)
            }
            throw unexpected(token, expected: "field=value")
        }
        return Assignment(field: token.word, value: value)
    }

    mutating func duration(_ what: String = "a duration") throws(ScriptError) -> Micros {
        let token = try required(what)
        return try Self.duration(of: token, usage: usage)
    }

    static func duration(of token: Token, usage: String) throws(ScriptError) -> Micros {
        guard token.kind == .word else {
            throw ScriptError("expected a duration, not `\(token.display)`: \(usage)", at: token.range)
        }
        guard let value = Values.duration(token.word.text) else { throw badValue(token, Values.durationForm) }
        return value
    }

    mutating func count(_ what: String) throws(ScriptError) -> Int {
        let token = try required(what)
        guard token.kind == .word else { throw unexpected(token, expected: what) }
        guard let value = Values.count(token.word.text) else { throw Self.badValue(token, Values.countForm) }
        return value
    }

    /// The next word, which must be one of `choices` (with a suggestion when it is close to one).
    mutating func choice(_ what: String, _ choices: [String]) throws(ScriptError) -> (String, Token) {
        let token = try required(what)
        guard token.isBare, choices.contains(token.word.text) else {
            let quoted = choices.map { "`\($0)`" }
            let list = quoted.count < 2 ? quoted.joined()
                : quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
            throw ScriptError("unknown word `\(token.display)`: expected \(list): \(usage)", at: token.range,
                              suggestion: token.isBare ? Suggest.nearest(token.word.text, in: choices) : nil)
        }
        return (token.word.text, token)
    }

    /// An optional trailing `within DURATION`.
    mutating func within() throws(ScriptError) -> Micros? {
        guard !rest.isEmpty else { return nil }
        _ = try choice("`within`", ["within"])
        let limit = try duration("a duration after `within`")
        try end()
        return limit
    }

    // MARK: Errors

    /// "`kill` needs a node name: kill NODE [wipe]", at the command word.
    func missing(_ what: String) -> ScriptError {
        ScriptError("`\(name)` needs \(what): \(usage)", at: anchor.range)
    }

    func tooMany(_ token: Token) -> ScriptError {
        if isOption(token) || token.kind == .pipe { return unexpected(token, expected: "") }
        return ScriptError("too many words for `\(name)`: \(usage)", at: token.range)
    }

    /// An option word out of place, a stray `|`, or just the wrong kind of word.
    func unexpected(_ token: Token, expected: String) -> ScriptError {
        if token.isKeyword("via") {
            return ScriptError("`via NODE` is an option only as the last words of a line: \(usage)", at: token.range)
        }
        if isOption(token) {
            return ScriptError("`\(token.word.text)` is an option only as the last word of a line: \(usage)",
                               at: token.range)
        }
        if token.kind == .pipe {
            return ScriptError("`|` only separates the groups of a partition: \(usage)", at: token.range)
        }
        return ScriptError("expected \(expected), not `\(token.display)`: \(usage)", at: token.range)
    }

    private func isOption(_ token: Token) -> Bool {
        token.isKeyword("via") || token.isKeyword("only") || token.isKeyword("initial")
    }

    static func badValue(_ token: Token, _ form: String, for key: String? = nil) -> ScriptError {
        let word = token.kind == .assignment ? token.value ?? token.word : token.word
        let display = word.quoted ? quote(word.text) : word.text
        let subject = key.map { " for `\($0)`" } ?? ""
        return ScriptError("bad value `\(display)`\(subject): expected \(form)", at: word.range)
    }
}
