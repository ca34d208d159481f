/// The `expect …` forms (LANGUAGE.md, "Expectations").
extension CommandParser {
    func expectation(_ args: inout Arguments, into table: inout CommandTable) throws(ScriptError) -> Int {
        let anchor = args.anchor.word
        let firstWord = table.nextWord
        let form = try args.required("what to expect")
        // Matched on the bytes: the form's text is made only for an error.
        if form.isBare, let formText = Self.expectFormSpellings.firstIndex(where: { source.spells(form.word, $0) })
            .map({ Vocabulary.expectForms[$0] }) {
            // The form's words after `expect`, named as their usage is looked up ("expect get").
            func arguments(_ name: String) -> Arguments { Arguments(name, anchor: form, rest: args.rest, file: file) }
            switch formText {
            case "get":
                var sub = arguments("expect get")
                let (kind, flags) = try expectGet(&sub, into: &table)
                return table.append(kind, at: anchor, wordsFrom: firstWord, flags: flags)
            case "stream":
                var sub = arguments("expect stream")
                let (kind, count) = try expectStream(&sub, into: &table)
                let (value, iterated) = stored(count, into: &table) { Int64($0) }
                return table.append(kind, at: anchor, wordsFrom: firstWord, flags: iterated ? .iterated : [],
                                    value: value)
            case "owners":
                var sub = arguments("expect owners")
                table.append(word: try sub.key())
                while let token = sub.next() { table.append(word: try sub.name(token, kind: .node)) }
                if table.nextWord == firstWord + 1 { throw sub.missing("at least one node name") }
                return table.append(.expectOwners, at: anchor, wordsFrom: firstWord)
            case "converged":
                try arguments("expect converged").end()
                return table.append(.expectConverged, at: anchor, wordsFrom: firstWord)
            case "ok":
                var sub = arguments("expect ok")
                return try expectOutcome(true, &sub, at: anchor, into: &table)
            default:
                var sub = arguments("expect fail")
                return try expectOutcome(false, &sub, at: anchor, into: &table)
            }
        }
        // `expect NODE sees OTHER up|down`
        if let second = args.rest.first, second.isBare,
           source.spells(second.word, "sees") || Suggest.nearest(file.text(second.word), in: ["sees"]) != nil {
            var sub = Arguments("expect sees", anchor: form, rest: args.rest, file: file)
            table.append(word: try sub.name(form, kind: .node))
            _ = try sub.choice("`sees`", ["sees"])
            table.append(word: try sub.node())
            let (state, _) = try sub.choice("`up` or `down`", ["up", "down"])
            try sub.end()
            return table.append(.expectSees, at: anchor, wordsFrom: firstWord, flags: state == "up" ? .up : [])
        }
        throw ScriptError("unknown expectation `\(file.display(form))`: \(args.usage)", at: file.range(form),
                          suggestion: form.isBare ? Suggest.nearest(file.text(form.word), in: Vocabulary.expectForms) : nil)
    }

    /// `Vocabulary.expectForms` as literals, compared with no `String` made.
    static let expectFormSpellings: [StaticString] = ["get", "stream", "owners", "converged", "ok", "fail"]

    /// `expect get KEY field=value… [only] [via NODE]` or `expect get KEY absent [via NODE]`: the
    /// words into `table`, key first and the `via` node last; the entry's kind and flags.
    private func expectGet(_ args: inout Arguments,
                           into table: inout CommandTable) throws(ScriptError) -> (CommandTable.Kind, CommandTable.Flags) {
        var via = try args.takeVia()
        let only = args.takeFlag("only")
        if via == nil && only != nil { via = try args.takeVia() }
        table.append(word: try args.key())
        if let first = args.rest.first, source.isKeyword(first, "absent") {
            _ = args.next()
            if let only {
                throw ScriptError("`only` does not go with `absent`: \(args.usage)", at: file.range(only))
            }
            try args.end()
            return (.expectGetAbsent, append(via: via, into: &table))
        }
        var fields: [Lexeme] = []
        while let token = args.next() {
            if source.isKeyword(token, "absent") {
                throw ScriptError("`absent` stands alone after the key: expect get KEY absent [via NODE]",
                                  at: file.range(token))
            }
            let (field, value) = try args.assignment(token)
            try noteField(field, in: &fields)
            table.append(word: field)
            table.append(word: value)
        }
        if fields.isEmpty { throw args.missing("field=value pairs or `absent`") }
        let flags = append(via: via, into: &table)
        return (.expectGet, only == nil ? flags : flags.union(.only))
    }

    /// `expect stream NAME next|last [field=value…]`, `… count N`, `… empty`: the words into `table`
    /// (but the count's); the entry's kind and its count (nil but for `count`).
    private func expectStream(_ args: inout Arguments,
                              into table: inout CommandTable) throws(ScriptError) -> (CommandTable.Kind, Reading<Int>?) {
        table.append(word: try args.stream())
        let (form, _) = try args.choice("`next`, `last`, `count` or `empty`", ["next", "last", "count", "empty"])
        switch form {
        case "next", "last":
            try assignments(&args, into: &table)
            return (form == "next" ? .expectStreamNext : .expectStreamLast, nil)
        case "count":
            let count = try args.count("a count")
            try args.end()
            return (.expectStreamCount, count)
        default:
            try args.end()
            return (.expectStreamEmpty, nil)
        }
    }

    /// `expect ok COMMAND` / `expect fail COMMAND`: COMMAND is a put, get, delete or stream, parsed
    /// into the entry after this one.
    private func expectOutcome(_ ok: Bool, _ args: inout Arguments, at anchor: Lexeme,
                               into table: inout CommandTable) throws(ScriptError) -> Int {
        let allowed = ["put", "get", "delete", "stream"]
        guard let first = args.rest.first else { throw args.missing("a put, get, delete or stream command") }
        let text = file.text(first.word)
        guard first.isBare, allowed.contains(text) else {
            throw ScriptError("`\(args.name)` takes a put, get, delete or stream command, not `\(file.display(first))`: "
                              + args.usage, at: file.range(first),
                              suggestion: first.isBare ? Suggest.nearest(text, in: allowed) : nil)
        }
        let index = table.append(ok ? .expectOk : .expectFail, at: anchor, wordsFrom: table.nextWord)
        _ = try parse(args.rest, into: &table)
        table.close(index)
        return index
    }
}
