extension CommandDeclaration {
    /// `expect …`: the expectations, each counted as passed or failed.
    static let expect = CommandDeclaration(
        word: "expect", helpOrder: 220, group: .expectations,
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
        read: { entry in ExpectArguments(expectation: readExpectation(&entry)) },
        complete: { arguments, context in
            if let node = context.afterVia(arguments) { return node }
            return completions(afterExpect: arguments, context)
        },
        behaviour: .of(ExpectArguments.self,
            run: { interpreter, command, arguments throws(ScriptError) in
                try interpreter.expect(arguments.expectation, command)
                return .next
            },
            source: { arguments, word in "expect " + expectationText(arguments.expectation, word) },
            checkSubstituted: { interpreter, arguments throws(ScriptError) in
                switch arguments.expectation {
                case .get(_, let fields, _, _), .streamNext(_, let fields), .streamLast(_, let fields):
                    try interpreter.checkSubstituted(fields.lazy.map(\.field), listed: false)
                case .ok(let inner), .fail(let inner):
                    try interpreter.checkSubstitutedFields(inner)
                default:
                    break
                }
            }))

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
                let (form, flags) = try expectGet(&sub, into: &table)
                return table.append(command: args.command, form: form.rawValue, names: .via, at: anchor, wordsFrom: firstWord,
                                    flags: flags)
            case "stream":
                var sub = arguments("expect stream")
                let (form, count) = try expectStream(&sub, into: &table)
                let (value, iterated) = stored(count, into: &table) { Int64($0) }
                return table.append(command: args.command, form: form.rawValue, names: .stream, at: anchor,
                                    wordsFrom: firstWord, flags: iterated ? .iterated : [], value: value)
            case "owners":
                var sub = arguments("expect owners")
                table.append(word: try sub.key())
                while let token = sub.next() { table.append(word: try sub.name(token, kind: .node)) }
                if table.nextWord == firstWord + 1 { throw sub.missing("at least one node name") }
                return table.append(command: args.command, form: ExpectForm.owners.rawValue, names: .nodesAfterKey,
                                    at: anchor, wordsFrom: firstWord)
            case "converged":
                try arguments("expect converged").end()
                return table.append(command: args.command, form: ExpectForm.converged.rawValue, names: .none,
                                    at: anchor, wordsFrom: firstWord)
            case "ok":
                var sub = arguments("expect ok")
                return try expectOutcome(true, &sub, command: args.command, at: anchor, into: &table)
            default:
                var sub = arguments("expect fail")
                return try expectOutcome(false, &sub, command: args.command, at: anchor, into: &table)
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
            return table.append(command: args.command, form: ExpectForm.sees.rawValue, names: .nodes, at: anchor,
                                wordsFrom: firstWord, flags: state == "up" ? .up : [])
        }
        throw ScriptError("unknown expectation `\(file.display(form))`: \(args.usage)", at: file.range(form),
                          suggestion: form.isBare ? Suggest.nearest(file.text(form.word), in: CommandDeclaration.expectForms) : nil)
    }

    /// `CommandDeclaration.expectForms` as literals, compared with no `String` made.
    static let expectFormSpellings: [StaticString] = ["get", "stream", "owners", "converged", "ok", "fail"]

    /// `expect get KEY field=value… [only] [via NODE]` or `expect get KEY absent [via NODE]`: the
    /// words into `table`, key first and the `via` node last; the entry's kind and flags.
    private func expectGet(_ args: inout Arguments,
                           into table: inout CommandTable) throws(ScriptError) -> (ExpectForm, CommandTable.Flags) {
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
            return (.getAbsent, append(via: via, into: &table))
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
        return (.get, only == nil ? flags : flags.union(.only))
    }

    /// `expect stream NAME next|last [field=value…]`, `… count N`, `… empty`: the words into `table`
    /// (but the count's); the entry's kind and its count (nil but for `count`).
    private func expectStream(_ args: inout Arguments,
                              into table: inout CommandTable) throws(ScriptError) -> (ExpectForm, Reading<Int>?) {
        table.append(word: try args.stream())
        let (form, _) = try args.choice("`next`, `last`, `count` or `empty`", ["next", "last", "count", "empty"])
        switch form {
        case "next", "last":
            try assignments(&args, into: &table)
            return (form == "next" ? .streamNext : .streamLast, nil)
        case "count":
            let count = try args.count("a count")
            try args.end()
            return (.streamCount, count)
        default:
            try args.end()
            return (.streamEmpty, nil)
        }
    }

    /// `expect ok COMMAND` / `expect fail COMMAND`: COMMAND is a put, get, delete or stream, parsed
    /// into the entry after this one.
    private func expectOutcome(_ ok: Bool, _ args: inout Arguments, command: Int, at anchor: Lexeme,
                               into table: inout CommandTable) throws(ScriptError) -> Int {
        let allowed = CommandDeclaration.judgedCommands
        guard let first = args.rest.first else { throw args.missing("a put, get, delete or stream command") }
        let text = file.text(first.word)
        guard first.isBare, allowed.contains(text) else {
            throw ScriptError("`\(args.name)` takes a put, get, delete or stream command, not `\(file.display(first))`: "
                              + args.usage, at: file.range(first),
                              suggestion: first.isBare ? Suggest.nearest(text, in: allowed) : nil)
        }
        let index = table.append(command: command, form: (ok ? ExpectForm.ok : .fail).rawValue,
                                 names: ok ? .next : .nextExpectedToFail, at: anchor, wordsFrom: table.nextWord)
        _ = try parse(args.rest, into: &table)
        table.close(index)
        return index
    }
}

extension CommandDeclaration {
    /// The commands `expect ok` and `expect fail` take: the client operations, whose behaviour
    /// gives an outcome to judge.
    static let judgedCommands = CommandDeclarations.all.filter { $0.behaviour.outcome != nil }.map(\.word)
}

/// The forms of `expect`, as its table entries number them. Their words: `get`: key, field and
/// value pairs, then a `via` node (flags `only`, `via`); `getAbsent`: key, then a `via` node;
/// `streamNext`, `streamLast`: the stream's name, then field and value pairs; `streamCount`: the
/// stream's name (value: the count; flag `iterated`: then the count's word); `streamEmpty`: the
/// stream's name; `owners`: key, then the nodes; `sees`: the observer and the other node (flag
/// `up`); `ok`, `fail`: none, the command expected to succeed or fail is the next entry.
enum ExpectForm: UInt8 {
    case get, getAbsent, streamNext, streamLast, streamCount, streamEmpty, owners, sees, converged, ok, fail
}

extension CommandTable.Flags {
    /// `expect get … only`.
    static let only = CommandTable.Flags(rawValue: 8)
    /// `expect NODE sees OTHER up`.
    static let up = CommandTable.Flags(rawValue: 16)
}

/// The `expect …` forms.
public enum Expectation: Equatable, Sendable {
    case get(key: Word, fields: [Assignment], only: Bool, via: Word?)
    case getAbsent(key: Word, via: Word?)
    case streamNext(Word, [Assignment])
    case streamLast(Word, [Assignment])
    case streamCount(Word, Amount<Int>)
    case streamEmpty(Word)
    case owners(key: Word, nodes: [Word])
    case sees(Word, Word, up: Bool)
    case converged
    /// `expect ok COMMAND`: a `put`, `get`, `delete` or `stream` command.
    indirect case ok(Command)
    /// `expect fail COMMAND`: a `put`, `get`, `delete` or `stream` command.
    indirect case fail(Command)
}

/// `expect`'s arguments.
public struct ExpectArguments: CommandArguments, Equatable {
    public var expectation: Expectation
}

extension CommandKind {
    /// `expect …`, as `chaos` and tests write it.
    static func expect(_ expectation: Expectation) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.expect, ExpectArguments(expectation: expectation)))
    }
}

extension CommandDeclaration {
    /// An `expect` entry read back.
    private static func readExpectation(_ entry: inout EntryReader) -> Expectation {
        switch ExpectForm(rawValue: entry.form) ?? .converged {
        case .get:
            let key = entry.word(0), fields = entry.assignments(after: 1)
            return .get(key: key, fields: fields, only: entry.flags.contains(.only), via: entry.via())
        case .getAbsent:
            let key = entry.word(0)
            return .getAbsent(key: key, via: entry.via())
        case .streamNext:
            let name = entry.word(0)
            return .streamNext(name, entry.assignments(after: 1))
        case .streamLast:
            let name = entry.word(0)
            return .streamLast(name, entry.assignments(after: 1))
        case .streamCount:
            let name = entry.word(0)
            return .streamCount(name, entry.amount(Int(entry.value), word: 1))
        case .streamEmpty: return .streamEmpty(entry.word(0))
        case .owners:
            let key = entry.word(0)
            return .owners(key: key, nodes: entry.words(after: 1))
        case .sees:
            let observer = entry.word(0)
            return .sees(observer, entry.word(1), up: entry.flags.contains(.up))
        case .converged: return .converged
        case .ok: return .ok(entry.next())
        case .fail: return .fail(entry.next())
        }
    }

    /// An expectation written back, after `expect `.
    static func expectationText(_ e: Expectation, _ word: (Word) -> String) -> String {
        func w(_ x: Word) -> String { Formatting.word(word(x)) }
        func assign(_ xs: [Assignment]) -> String { xs.isEmpty ? "" : " " + sourceText(xs, word) }
        switch e {
        case .get(let k, let f, let only, let v): return "get \(w(k))\(assign(f))" + (only ? " only" : "") + sourceText(via: v, word)
        case .getAbsent(let k, let v): return "get \(w(k)) absent" + sourceText(via: v, word)
        case .streamNext(let s, let f): return "stream \(w(s)) next\(assign(f))"
        case .streamLast(let s, let f): return "stream \(w(s)) last\(assign(f))"
        case .streamCount(let s, let n): return "stream \(w(s)) count " + sourceText(n, word) { "\($0)" }
        case .streamEmpty(let s): return "stream \(w(s)) empty"
        case .owners(let k, let nodes): return "owners \(w(k)) " + sourceText(words: nodes, word)
        case .sees(let a, let b, let up): return "\(w(a)) sees \(w(b)) " + (up ? "up" : "down")
        case .converged: return "converged"
        case .ok(let c): return "ok " + c.source(word)
        case .fail(let c): return "fail " + c.source(word)
        }
    }
}
