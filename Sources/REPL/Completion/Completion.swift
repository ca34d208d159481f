import Lang

/// Tab completion, as a pure function of the line, the cursor and what the session knows, so that it
/// can be tested without a terminal.
///
/// The line up to the cursor is split into words at blanks and at `| { }` (which stand alone); the
/// last, possibly empty, word is the one being completed and the words before it say what fits:
/// `show r` → `ring`; `put Alice ba` → `balance=`; `kill n1 ` → `wipe`; `expect n1 sees ` → nodes.
/// Candidates replace the whole word being completed; they are sorted and distinct.
enum Completion {
    static func candidates(line: String, cursor: Int, context: CompletionContext) -> [String] {
        let prefix = String(line.prefix(max(0, cursor)))
        // A quoted string or a comment is free text: nothing to complete.
        guard !prefix.contains("\""), !prefix.contains("#") else { return [] }
        var words = split(commandOf: prefix)
        let partial = words.removeLast()
        // After `field=` comes a value: anything goes, so nothing is offered.
        guard !partial.contains("=") else { return [] }
        let options = Set(fitting(after: words, context: context))
        return options.filter { $0.hasPrefix(partial) && !$0.isEmpty }.sorted()
    }

    /// The words of the command the cursor is in (after the last `{`, which starts a command), with
    /// the word being completed last (empty after a blank). After a closing `}` the line is
    /// complete: only the empty partial word is left, with a `}` before it that fits nothing.
    static func split(commandOf prefix: String) -> [String] {
        let command = prefix.lastIndex(of: "{").map { prefix[prefix.index(after: $0)...] } ?? Substring(prefix)
        if command.contains("}") { return ["}", ""] }
        var words: [String] = []
        var current = ""
        for character in command {
            if character == " " || character == "\t" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character == "|" {
                if !current.isEmpty { words.append(current) }
                words.append("|")
                current = ""
            } else {
                current.append(character)
            }
        }
        words.append(current)
        return words
    }

    /// Every word that may come next after `words` (the complete words of a command).
    static func fitting(after words: [String], context: CompletionContext) -> [String] {
        guard let command = words.first else { return Vocabulary.commands }
        // `via NODE` ends a client operation (also inside `expect`): after it, the line is complete.
        if ["put", "get", "delete", "expect"].contains(command) {
            if words.last == "via" { return context.nodes }
            if words.count >= 2 && words[words.count - 2] == "via" { return [] }
        }
        let arguments = Array(words.dropFirst())
        switch command {
        case "config":
            let assigned = Set(arguments.compactMap { word in word.firstIndex(of: "=").map { String(word[..<$0]) } })
            return context.configKeys.filter { !assigned.contains($0) }.map { $0 + "=" }
        case "remove", "restart", "pause", "resume", "isolate":
            return arguments.isEmpty ? context.nodes : []
        case "kill":
            return arguments.isEmpty ? context.nodes : arguments.count == 1 ? ["wipe"] : []
        case "partition":
            return context.nodes.filter { !arguments.contains($0) }
        case "put":
            guard let key = arguments.first else { return context.keys }
            return assignments(of: key, context, except: arguments) + ["via"]
        case "get", "delete":
            return arguments.isEmpty ? context.keys : fieldNames(of: arguments[0], context) + ["via"]
        case "stream":
            switch arguments.count {
            case 0: return []                  // a new stream's name
            case 1: return context.keys
            default: return fieldNames(of: arguments[1], context) + ["initial"]
            }
        case "close", "disconnect", "reconnect":
            return arguments.isEmpty ? context.streams : []
        case "wait":
            return arguments.isEmpty ? ["converged"] : arguments.count == 1 ? ["within"] : []
        case "check":
            return arguments.isEmpty ? ["within"] : []
        case "chaos":
            return arguments.isEmpty ? [] : Vocabulary.chaosOptions.map { $0 + "=" }
        case "show":
            if arguments.isEmpty { return Vocabulary.showTargets }
            return arguments == ["key"] ? context.keys : []
        case "trace":
            return arguments.isEmpty ? ["on", "off"] : []
        case "help":
            return arguments.isEmpty ? Vocabulary.commands : []
        case "expect":
            return expectation(arguments, context)
        default:
            // add (new names), seed, advance, at, echo, repeat, include, heal, quit: nothing to offer.
            return []
        }
    }

    /// After `expect`: its forms, or a node for `expect NODE sees OTHER up|down`.
    private static func expectation(_ arguments: [String], _ context: CompletionContext) -> [String] {
        guard let form = arguments.first else { return Vocabulary.expectForms + context.nodes }
        let rest = Array(arguments.dropFirst())
        switch form {
        case "get":
            guard let key = rest.first else { return context.keys }
            if rest.contains("absent") { return ["via"] }
            return assignments(of: key, context, except: rest) + ["only", "via"] + (rest.count == 1 ? ["absent"] : [])
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
            return fitting(after: rest, context: context).filter { word in
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

    private static func fieldNames(of key: String, _ context: CompletionContext) -> [String] {
        context.fields(of: key)
    }

    /// `field=` for every known field of the key that `written` does not assign yet.
    private static func assignments(of key: String, _ context: CompletionContext, except written: [String]) -> [String] {
        let assigned = Set(written.compactMap { word in word.firstIndex(of: "=").map { String(word[..<$0]) } })
        return context.fields(of: key).filter { !assigned.contains($0) }.map { $0 + "=" }
    }
}
