extension CommandDeclaration {
    /// `expect …`: the expectations, each counted as passed or failed.
    static let expect = CommandDeclaration(
        word: "expect", group: .expectations,
        usages: [
            "expect get KEY field=value… [only] [via NODE]",
            "expect get KEY absent [via NODE]",
            "expect stream NAME next [field=value…]",
            "expect stream NAME last [field=value…]",
            "expect stream NAME count N",
            "expect stream NAME empty",
            "expect owners KEY NODE…",
            "expect NODE sees OTHER up|down",
            "expect converged",
            "expect ok COMMAND / expect fail COMMAND",
        ],
        errorUsage: "expect get|stream|owners|converged|ok|fail … or expect NODE sees OTHER up|down",
        formUsages: [
            ("expect get", "expect get KEY field=value… [only] [via NODE] or expect get KEY absent [via NODE]"),
            ("expect stream", "expect stream NAME next|last [field=value…], expect stream NAME count N "
                + "or expect stream NAME empty"),
            ("expect owners", "expect owners KEY NODE…"),
            ("expect sees", "expect NODE sees OTHER up|down"),
            ("expect converged", "expect converged"),
            ("expect ok", "expect ok put|get|delete|stream …"),
            ("expect fail", "expect fail put|get|delete|stream …"),
        ],
        summary: "check get, stream, owners, sees, converged, ok/fail",
        shortUsage: "expect FORM …",
        details: [
            "get: a get returns at least these values (only: exactly these fields), or no object.",
            "stream next: the oldest pending view is exactly these fields; it is consumed.",
            "stream last: every pending view is consumed, the last is exactly these fields.",
            "stream count N / empty: exactly N / no views are pending (none consumed).",
            "owners: the key's preference list is exactly these nodes (any order).",
            "sees: NODE's membership view holds OTHER as up / down.",
            "converged: the cluster is converged now.",
            "ok / fail: the client operation (put, get, delete or stream) succeeds / fails.",
            "A failed expectation prints file:line, what was expected and what was seen;",
            "the script goes on.",
        ],
        example: [
            "expect get Alice balance=121 name=Alice",
            "expect stream s next balance=110",
            "expect n1 sees n2 down",
            "expect fail put Bob a=1",
        ],
        keywords: ["via", "only", "absent", "next", "last", "count", "empty", "owners", "sees", "up", "down",
                   "converged", "ok", "fail"],
        parse: { parser, args, table throws(ScriptError) in try parser.expectation(&args, into: &table) },
        complete: { arguments, context in
            if let node = context.afterVia(arguments) { return node }
            return completions(afterExpect: arguments, context)
        })

    /// What may follow `expect` as a fixed word.
    static let expectForms = ["get", "stream", "owners", "converged", "ok", "fail"]

    /// After `expect`: its forms, or a node for `expect NODE sees OTHER up|down`.
    private static func completions(afterExpect arguments: [String], _ context: CompletionContext) -> [String] {
        guard let form = arguments.first else { return expectForms + context.nodes }
        let rest = Array(arguments.dropFirst())
        switch form {
        case "get":
            guard let key = rest.first else { return context.keys }
            if rest.contains("absent") { return ["via"] }
            return context.assignments(of: key, except: rest) + ["only", "via"] + (rest.count == 1 ? ["absent"] : [])
        case "stream":
            switch rest.count {
            case 0: return context.streams
            case 1: return ["next", "last", "count", "empty"]
            default: return []
            }
        case "owners":
            guard rest.first != nil else { return context.keys }
            return context.nodes.filter { !rest.contains($0) }
        case "ok", "fail":
            return CommandDeclarations.completions(after: rest, context: context).filter { word in
                rest.isEmpty ? ["put", "get", "delete", "stream"].contains(word) : true
            }
        case "converged":
            return []
        default:
            // `expect NODE sees OTHER up|down`
            switch rest.count {
            case 0: return ["sees"]
            case 1: return rest[0] == "sees" ? context.nodes : []
            case 2: return rest[0] == "sees" ? ["up", "down"] : []
            default: return []
            }
        }
    }
}

/// Parsing the `expect …` forms.
extension CommandParser {
    func expectation(_ args: inout Arguments, into table: inout CommandTable) throws(ScriptError) -> Int {
        let anchor = args.anchor.word
        let firstWord = table.nextWord
        let form = try args.required("what to expect")
        // Matched on the bytes: the form's text is made only for an error.
        if form.isBare, let formText = Self.expectFormSpellings.firstIndex(where: { source.spells(form.word, $0) })
            .map({ CommandDeclaration.expectForms[$0] }) {
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
                          suggestion: form.isBare ? Suggest.nearest(file.text(form.word), in: CommandDeclaration.expectForms) : nil)
    }

    /// `CommandDeclaration.expectForms` as literals, compared with no `String` made.
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
        let firstField = table.nextWord
        while let token = args.next() {
            if source.isKeyword(token, "absent") {
                throw ScriptError("`absent` stands alone after the key: expect get KEY absent [via NODE]",
                                  at: file.range(token))
            }
            let (field, value) = try args.assignment(token)
            try noteField(field, in: table, from: firstField, stride: 2)
            table.append(word: field)
            table.append(word: value)
        }
        if table.nextWord == firstField { throw args.missing("field=value pairs or `absent`") }
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
