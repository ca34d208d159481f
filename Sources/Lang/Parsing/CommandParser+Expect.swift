/// The `expect …` forms (LANGUAGE.md, "Expectations").
extension CommandParser {
    func expectation(_ args: inout Arguments) throws(ScriptError) -> Expectation {
        let form = try args.required("what to expect")
        let formText = file.text(form.word)
        if form.isBare, Vocabulary.expectForms.contains(formText) {
            // The form's words after `expect`, named as their usage is looked up ("expect get").
            func arguments(_ name: String) -> Arguments { Arguments(name, anchor: form, rest: args.rest, file: file) }
            switch formText {
            case "get":
                var sub = arguments("expect get")
                return try expectGet(&sub)
            case "stream":
                var sub = arguments("expect stream")
                return try expectStream(&sub)
            case "owners":
                var sub = arguments("expect owners")
                let key = try sub.key()
                var nodes: [Word] = []
                nodes.reserveCapacity(sub.rest.count)
                while let token = sub.next() { nodes.append(try sub.name(token, kind: .node)) }
                if nodes.isEmpty { throw sub.missing("at least one node name") }
                return .owners(key: key, nodes: nodes)
            case "converged":
                try arguments("expect converged").end()
                return .converged
            case "ok":
                var sub = arguments("expect ok")
                return try expectOutcome(true, &sub)
            default:
                var sub = arguments("expect fail")
                return try expectOutcome(false, &sub)
            }
        }
        // `expect NODE sees OTHER up|down`
        if let second = args.rest.first, second.isBare,
           file.spells(second.word, "sees") || Suggest.nearest(file.text(second.word), in: ["sees"]) != nil {
            var sub = Arguments("expect sees", anchor: form, rest: args.rest, file: file)
            let node = try sub.name(form, kind: .node)
            _ = try sub.choice("`sees`", ["sees"])
            let other = try sub.node()
            let (state, _) = try sub.choice("`up` or `down`", ["up", "down"])
            try sub.end()
            return .sees(node, other, up: state == "up")
        }
        throw ScriptError("unknown expectation `\(file.display(form))`: \(args.usage)", at: file.range(form),
                          suggestion: form.isBare ? Suggest.nearest(formText, in: Vocabulary.expectForms) : nil)
    }

    /// `expect get KEY field=value… [only] [via NODE]` or `expect get KEY absent [via NODE]`.
    private func expectGet(_ args: inout Arguments) throws(ScriptError) -> Expectation {
        var via = try args.takeVia()
        let only = args.takeFlag("only")
        if via == nil && only != nil { via = try args.takeVia() }
        let key = try args.key()
        if let first = args.rest.first, file.isKeyword(first, "absent") {
            _ = args.next()
            if let only {
                throw ScriptError("`only` does not go with `absent`: \(args.usage)", at: file.range(only))
            }
            try args.end()
            return .getAbsent(key: key, via: via)
        }
        var fields: [Assignment] = []
        fields.reserveCapacity(args.rest.count)
        while let token = args.next() {
            if file.isKeyword(token, "absent") {
                throw ScriptError("`absent` stands alone after the key: expect get KEY absent [via NODE]",
                                  at: file.range(token))
            }
            fields.append(try args.assignment(token))
        }
        if fields.isEmpty { throw args.missing("field=value pairs or `absent`") }
        return .get(key: key, fields: fields, only: only != nil, via: via)
    }

    /// `expect stream NAME next|last [field=value…]`, `… count N`, `… empty`.
    private func expectStream(_ args: inout Arguments) throws(ScriptError) -> Expectation {
        let name = try args.stream()
        let (form, _) = try args.choice("`next`, `last`, `count` or `empty`", ["next", "last", "count", "empty"])
        switch form {
        case "next", "last":
            var fields: [Assignment] = []
            fields.reserveCapacity(args.rest.count)
            while let token = args.next() { fields.append(try args.assignment(token)) }
            return form == "next" ? .streamNext(name, fields) : .streamLast(name, fields)
        case "count":
            let count = try args.count("a count")
            try args.end()
            return .streamCount(name, count)
        default:
            try args.end()
            return .streamEmpty(name)
        }
    }

    /// `expect ok COMMAND` / `expect fail COMMAND`: COMMAND is a put, get, delete or stream.
    private func expectOutcome(_ ok: Bool, _ args: inout Arguments) throws(ScriptError) -> Expectation {
        let allowed = ["put", "get", "delete", "stream"]
        guard let first = args.rest.first else { throw args.missing("a put, get, delete or stream command") }
        let text = file.text(first.word)
        guard first.isBare, allowed.contains(text) else {
            throw ScriptError("`\(args.name)` takes a put, get, delete or stream command, not `\(file.display(first))`: "
                              + args.usage, at: file.range(first),
                              suggestion: first.isBare ? Suggest.nearest(text, in: allowed) : nil)
        }
        let command = try parse(args.rest)
        return ok ? .ok(command) : .fail(command)
    }
}
