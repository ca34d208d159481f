/// The commands that fill most large scripts (`put`, `get`, `delete`, `expect get`, `repeat N {`),
/// read straight from their tokens when they are plainly well formed.
///
/// These only skip the general parser's work, never decide anything it would not: for anything
/// else (any error, the options `only` and `absent`, a node name to check as a `String`) they
/// return nil before touching the table, and the general parser reads the command and says what
/// is wrong.
extension CommandParser {
    /// `tokens` (the command word first) as an entry of `table`, or nil.
    func plainCommand(_ verb: Verb, _ tokens: Tokens, into table: inout CommandTable) -> Int? {
        switch verb {
        case .put, .get, .delete:
            return plainClientCommand(verb, tokens, anchor: tokens[tokens.startIndex].word, into: &table)
        case .expect:
            let form = tokens.startIndex + 1
            guard form < tokens.endIndex, source.isKeyword(tokens[form], "get") else { return nil }
            return plainExpectGet(tokens[form...], anchor: tokens[tokens.startIndex].word, into: &table)
        default:
            return nil
        }
    }

    /// `repeat N`'s count, when `tokens` are just `repeat` and a plain count.
    func plainRepeatCount(_ tokens: Tokens) -> Int? {
        guard tokens.count == 2, let count = tokens.last, count.kind == .word, !count.word.escaped else { return nil }
        return source.withText(of: count.word, Values.count)
    }

    /// `put KEY field=value… [via NODE]`, `get KEY [FIELD…] [via NODE]`, `delete KEY [FIELD…] [via NODE]`.
    private func plainClientCommand(_ verb: Verb, _ tokens: Tokens, anchor: Lexeme,
                                    into table: inout CommandTable) -> Int? {
        guard let (end, node) = plainVia(tokens) else { return nil }
        let key = tokens.startIndex + 1
        guard key < end, tokens[key].kind == .word else { return nil }
        let rest = tokens[(key + 1) ..< end]
        let kind: CommandTable.Kind
        switch verb {
        case .put:
            guard !rest.isEmpty, rest.allSatisfy({ $0.kind == .assignment && $0.value != nil }),
                  !repeatsAWord(rest) else { return nil }
            kind = .put
        case .get, .delete:
            guard rest.allSatisfy({ $0.kind == .word && !$0.word.quoted }), !repeatsAWord(rest) else { return nil }
            kind = verb == .get ? .get : .delete
        default:
            return nil
        }
        return appended(kind, key: tokens[key].word, rest, node: node, anchor: anchor, into: &table)
    }

    /// `expect get KEY field=value… [via NODE]` (`tokens` from `get`): without `only` or `absent`.
    private func plainExpectGet(_ tokens: Tokens, anchor: Lexeme, into table: inout CommandTable) -> Int? {
        guard let (end, node) = plainVia(tokens) else { return nil }
        let key = tokens.startIndex + 1
        guard key < end, tokens[key].kind == .word, !source.isKeyword(tokens[end - 1], "only") else { return nil }
        let rest = tokens[(key + 1) ..< end]
        guard !rest.isEmpty, rest.allSatisfy({ $0.kind == .assignment && $0.value != nil }),
              !repeatsAWord(rest) else { return nil }
        return appended(.expectGet, key: tokens[key].word, rest, node: node, anchor: anchor, into: &table)
    }

    /// Where the arguments of `tokens` (the command word first) end, and the node of a trailing
    /// `via NODE`; nil when the general parser must look (a `via` with no node after it, or a
    /// node name that is not surely valid).
    private func plainVia(_ tokens: Tokens) -> (end: Int, node: Lexeme?)? {
        guard let last = tokens.last, tokens.count >= 2 else { return nil }
        if source.isKeyword(last, "via") { return nil }
        let end = tokens.endIndex
        guard tokens.count >= 3, last.kind == .word, source.isKeyword(tokens[end - 2], "via") else { return (end, nil) }
        guard !last.word.quoted && source.isSurelyValidName(last.word) else { return nil }
        return (end - 2, last.word)
    }

    /// An entry of `kind` whose words are `key`, those of `rest` (with their values) and `node`.
    private func appended(_ kind: CommandTable.Kind, key: Lexeme, _ rest: Tokens, node: Lexeme?, anchor: Lexeme,
                          into table: inout CommandTable) -> Int {
        let firstWord = table.nextWord
        table.append(word: key)
        for token in rest {
            table.append(word: token.word)
            if let value = token.value { table.append(word: value) }
        }
        let flags = append(via: node, into: &table)
        return table.append(kind, at: anchor, wordsFrom: firstWord, flags: flags)
    }
}
