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
        let index = try commandWord(first)
        return try CommandDeclarations.all.withUnsafeBufferPointer { all throws(ScriptError) in
            // Unowned: `all` holds every declaration for good, so a command costs no reference counting.
            unowned(unsafe) let declaration = all[index]
            var args = Arguments(declaration.word, anchor: first, rest: tokens.dropFirst(), file: file, command: index)
            return try declaration.parse(self, &args, &table)
        }
    }

    /// The header of a block, `repeat N` or `at TIME`, from the tokens before its `{`.
    func header(_ tokens: Tokens, brace: Token) throws(ScriptError) -> BlockHeader {
        guard let first = tokens.first else {
            throw ScriptError("`{` opens a block only after `repeat N` or `at TIME`", at: file.range(brace))
        }
        let index = try commandWord(first)
        let declaration = CommandDeclarations.all[index]
        guard let header = declaration.header else {
            throw ScriptError("`{` opens a block only after `repeat N` or `at TIME`, not after `\(declaration.word)`",
                              at: file.range(brace))
        }
        var args = Arguments(declaration.word, anchor: first, rest: tokens.dropFirst(), file: file)
        return BlockHeader(command: index, value: try header(&args), bindsIteration: declaration.bindsIteration,
                           restricted: declaration.blockRestriction != nil, word: first.word, brace: brace.word)
    }

    /// The command word: a known bare word, or an error with a suggestion.
    private func commandWord(_ token: Token) throws(ScriptError) -> Int {
        switch token.kind {
        case .assignment:
            throw ScriptError("a line starts with a command, not field=value", at: file.range(token))
        case .pipe:
            throw ScriptError("`|` only separates the groups of a partition", at: file.range(token))
        case .openBrace, .closeBrace:
            // ScriptParser never passes braces here; an error rather than a trap all the same.
            throw ScriptError("unexpected `\(file.text(token.word))`", at: file.range(token))
        case .word:
            if !token.word.quoted, let index = CommandDeclarations.index(source, token.word) { return index }
            let lowered = file.text(token.word).lowercased()
            let suggestion = Vocabulary.commands.contains(lowered) ? lowered
                : Suggest.nearest(lowered, in: Vocabulary.commands)
            throw ScriptError("unknown command `\(file.display(token))`", at: file.range(token),
                              suggestion: suggestion)
        }
    }

    // MARK: Helpers for the commands' declarations

    /// Appends the entry of the command `args` are the arguments of, whose words were appended
    /// from `firstWord`; returns its index.
    func entry(_ args: Arguments, names: NameUse, from firstWord: Int, _ flags: CommandTable.Flags = [],
               value: Int64 = 0, into table: inout CommandTable) -> Int {
        table.append(command: args.command, names: names, at: args.anchor.word, wordsFrom: firstWord, flags: flags,
                     value: value)
    }

    /// Appends a command kept whole (`CommandTable.built`); returns its entry's index.
    func built(_ kind: CommandKind, _ args: Arguments, into table: inout CommandTable) -> Int {
        table.append(built: Command(kind, at: file.range(args.anchor.word)), of: args.command)
    }

    /// Appends a declared command (`CommandKind.declared`) of `arguments`; returns its entry's index.
    func declared(_ arguments: some CommandArguments, _ args: Arguments, into table: inout CommandTable) -> Int {
        let declaration = CommandDeclarations.all[args.command]
        return built(.declared(DeclaredCommand(declaration, arguments)), args, into: &table)
    }

    /// `VERB KEY [FIELD…] [via NODE]` (`get`, `delete`).
    func keyAndFields(_ args: inout Arguments, into table: inout CommandTable) throws(ScriptError) -> Int {
        let firstWord = table.nextWord
        let node = try args.takeVia()
        table.append(word: try args.key())
        try fields(&args, into: &table)
        let flags = append(via: node, into: &table)
        return entry(args, names: .via, from: firstWord, flags, into: &table)
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
        let firstField = table.nextWord
        var count = 0
        while let token = args.next() {
            let (field, value) = try args.assignment(token)
            try noteField(field, in: table, from: firstField, stride: 2)
            table.append(word: field)
            table.append(word: value)
            count += 1
        }
        return count
    }

    /// Checks `field` against the fields of one command already in `table`'s words (at `first`,
    /// `first + stride`, …: its pairs, or with `listed` its field list); a field named twice is an
    /// error at its second use. Reads the table in place: a command's fields cost no array.
    func noteField(_ field: Lexeme, in table: CommandTable, from first: Int, stride: Int,
                   listed: Bool = false) throws(ScriptError) {
        let named = table.words.withUnsafeBufferPointer { words in
            var index = first
            while index < words.count {
                if source.sameText(words[index], field) { return true }
                index += stride
            }
            return false
        }
        if named {
            throw ScriptError(Self.fieldNamedTwice(file.text(field), listed: listed), at: file.range(field))
        }
    }

    /// The message for a field named twice in one command (the interpreter says the same of one that
    /// `$i` makes the same as another).
    static func fieldNamedTwice(_ field: String, listed: Bool) -> String {
        "field `\(field)` is named twice: " + (listed ? "a field list names each field once"
                                                     : "a command sets or expects each field once")
    }

    /// The remaining words as field names, into `table`: how many.
    @discardableResult
    func fields(_ args: inout Arguments, into table: inout CommandTable) throws(ScriptError) -> Int {
        let firstField = table.nextWord
        var count = 0
        while let token = args.next() {
            let field = try args.field(token)
            try noteField(field, in: table, from: firstField, stride: 1, listed: true)
            table.append(word: field)
            count += 1
        }
        return count
    }
}

/// `repeat N` or `at TIME`, before a `{`.
struct BlockHeader {
    /// The block command's index in `CommandDeclarations.all`.
    var command: Int
    /// The number its entry keeps (`repeat`'s count, `at`'s time).
    var value: Reading<Int64>
    /// The block defines `$i` (`repeat`).
    var bindsIteration: Bool
    /// The block may hold only commands that run in an `at` block (`CommandDeclaration.blockRestriction`).
    var restricted: Bool
    /// The command word (`repeat`, `at`): the command's range.
    var word: Lexeme
    /// The `{`, where "unclosed" errors point.
    var brace: Lexeme
}
