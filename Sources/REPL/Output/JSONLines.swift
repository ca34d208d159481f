import Lang

/// `--json`: each piece of output a run prints becomes one JSON object on a line of its own, with
/// `version` (of this schema), `type` and the fields docs/language.md ("JSON output") lists.
/// Objects of a run also carry its `file` and `seed`.
enum JSONLines {
    static let version = 1

    /// The object for one piece of a run's output (text as the session printed it).
    static func object(_ kind: OutputKind, _ text: String, file: String, seed: UInt64) -> [String] {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        var objects: [Typed] = []
        switch kind {
        case .passed, .failed:
            objects = expectation(body)
        case .delivery:
            objects = [view(body)]
        case .error:
            objects = [error(body)]
        case .trace:
            objects = [plain("trace", body)]
        case .summary:
            objects = [plain("text", body)]
        case .command:
            objects = [command(body)]
        case .outcome:
            objects = [outcome(body)]
        case .normal:
            objects = [plain("text", body)]
        }
        return objects.map { object in
            var head = start(object.type)
            head.add("file", file)
            head.add("seed", seed)
            head.append(object.members)
            return head.text
        }
    }

    /// An object of `type` with the schema version, before its own fields.
    static func start(_ type: String) -> JSONObject {
        var object = JSONObject()
        object.add("version", version)
        object.add("type", type)
        return object
    }

    // MARK: Kinds of line

    private struct Typed {
        var type: String
        var members = JSONObject()
    }

    private static func plain(_ type: String, _ text: String) -> Typed {
        var typed = Typed(type: type)
        typed.members.add("text", text)
        return typed
    }

    /// An echoed command: `kvrepl 3s> put …`.
    private static func command(_ body: String) -> Typed {
        guard body.hasPrefix("kvrepl "), let end = body.firstRange(of: "> ") else { return plain("text", body) }
        var typed = Typed(type: "command")
        typed.members.add("time", String(body[body.index(body.startIndex, offsetBy: 7)..<end.lowerBound]))
        typed.members.add("command", String(body[end.upperBound...]))
        return typed
    }

    /// A command's outcome, or a command an `at` block starts: `[12.5s] put …`, `put k: ok …`.
    private static func outcome(_ body: String) -> Typed {
        let (time, rest) = splitTime(body)
        var typed = Typed(type: "outcome")
        if let time { typed.members.add("time", time) }
        typed.members.add("command", String(rest.prefix { $0 != " " && $0 != ":" }))
        typed.members.add("text", rest)
        return typed
    }

    /// `[TIME] rest` → (TIME, rest); (nil, body) without a time.
    private static func splitTime(_ body: String) -> (String?, String) {
        guard body.hasPrefix("["), let close = body.firstRange(of: "] ") else { return (nil, body) }
        return (String(body[body.index(after: body.startIndex)..<close.lowerBound]), String(body[close.upperBound...]))
    }

    /// `[TIME] s #2 Alice: balance=121`.
    private static func view(_ body: String) -> Typed {
        let (time, rest) = splitTime(body)
        var typed = Typed(type: "view")
        if let time { typed.members.add("time", time) }
        let words = rest.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard words.count == 3, words[1].hasPrefix("#"), let sequence = Int(words[1].dropFirst()),
              let colon = words[2].firstRange(of: ": ") else {
            typed.members.add("text", rest)
            return typed
        }
        typed.members.add("stream", String(words[0]))
        typed.members.add("sequence", sequence)
        typed.members.add("key", unquote(String(words[2][..<colon.lowerBound])))
        typed.members.add("fields", fields(String(words[2][colon.upperBound...])))
        return typed
    }

    /// `PASS file:line[ (i=…)] COMMAND`, or `FAIL …` with `expected:` and `seen:` lines, the
    /// latter followed by one `finding` object per violation `check` reported.
    private static func expectation(_ body: String) -> [Typed] {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = lines[0]
        guard head.hasPrefix("PASS ") || head.hasPrefix("FAIL ") else { return [plain("text", body)] }
        var typed = Typed(type: "expectation")
        typed.members.add("result", head.hasPrefix("PASS ") ? "pass" : "fail")
        let (location, command) = splitLocation(String(head.dropFirst(5)))
        typed.members.add("location", location)
        typed.members.add("command", command)
        var seen: [String] = []
        var findings: [String] = []
        for line in lines.dropFirst() {
            if line.hasPrefix("  expected: ") {
                typed.members.add("expected", String(line.dropFirst(12)))
            } else if line.hasPrefix("  seen:     ") {
                seen.append(String(line.dropFirst(12)))
            } else if line.hasPrefix("              ") {
                findings.append(String(line.drop { $0 == " " }))
            } else {
                seen.append(line.trimmingLeadingBlanks)
            }
        }
        if !lines.dropFirst().isEmpty { typed.members.add("seen", seen.joined(separator: "\n")) }
        return [typed] + findings.map { finding in
            var object = Typed(type: "finding")
            object.members.add("location", location)
            object.members.add("text", finding)
            return object
        }
    }

    /// `file:line` or `file:line (i=1,2)`, then the command: the location ends at the first
    /// `:DIGITS` followed by a blank.
    private static func splitLocation(_ text: String) -> (String, String) {
        var index = text.startIndex
        while let colon = text[index...].firstIndex(of: ":") {
            let digits = text[text.index(after: colon)...].prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.endIndex < text.endIndex, text[digits.endIndex] == " " {
                var end = digits.endIndex
                let after = text[text.index(after: end)...]
                if after.hasPrefix("(i="), let close = after.firstIndex(of: ")") { end = text.index(after: close) }
                let rest = text[end...].drop { $0 == " " }
                return (String(text[..<end]), String(rest))
            }
            index = text.index(after: colon)
        }
        return ("", text)
    }

    /// `file:line:column: error: message` and the caret lines.
    private static func error(_ body: String) -> Typed {
        var typed = Typed(type: "error")
        let head = body.prefix { $0 != "\n" }
        if let marker = head.firstRange(of: ": error: ") {
            typed.members.add("location", String(head[..<marker.lowerBound]))
            typed.members.add("message", String(head[marker.upperBound...]))
        } else {
            typed.members.add("message", String(head))
        }
        typed.members.add("text", body)
        return typed
    }

    // MARK: Views

    /// `a=1 b="x y"` as ordered pairs; `(empty)` as none.
    static func fields(_ text: String) -> [(String, String)] {
        guard text != "(empty)" else { return [] }
        var pairs: [(String, String)] = []
        for word in words(text) {
            guard let equals = word.firstIndex(of: "=") else { continue }
            pairs.append((String(word[..<equals]), unquote(String(word[word.index(after: equals)...]))))
        }
        return pairs
    }

    /// Splits at blanks outside double quotes.
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in text {
            if escaped { escaped = false; current.append(character); continue }
            if quoted && character == "\\" { escaped = true; current.append(character); continue }
            if character == "\"" { quoted.toggle() }
            if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// A word as the language writes it: bare, or quoted with `\" \\ \n \t`.
    static func unquote(_ word: String) -> String {
        guard word.count >= 2, word.hasPrefix("\""), word.hasSuffix("\"") else { return word }
        var out = ""
        var escaped = false
        for character in word.dropFirst().dropLast() {
            if escaped {
                escaped = false
                switch character {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(character)
                }
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}

extension String {
    fileprivate var trimmingLeadingBlanks: String { String(drop { $0 == " " }) }
}
