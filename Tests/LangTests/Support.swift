import Testing
@testable import Lang

/// A file that cannot be read, as the in-memory `readFile` of these tests throws it.
struct NoSuchFile: Error, CustomStringConvertible {
    var description: String { "no such file" }
}

/// Loads `text` as `path`, with `files` as the only other readable files.
func load(_ text: String, path: String = "t.kvs", files: [String: String] = [:]) throws(ScriptError) -> Script {
    let loader = ScriptLoader { path in
        guard let text = files[path] else { throw NoSuchFile() }
        return text
    }
    return try loader.load(text: text, path: path)
}

/// The script error of loading `text`, or nil when it loads.
func loadError(_ text: String, path: String = "t.kvs", files: [String: String] = [:]) -> ScriptError? {
    do {
        _ = try load(text, path: path, files: files)
        return nil
    } catch {
        return error
    }
}

/// `text` must fail to load with exactly `message` at `line`:`column` (of `file`, default the script).
func expectError(_ text: String, _ message: String, at line: Int, _ column: Int, suggestion: String? = nil,
                 file: String = "t.kvs", files: [String: String] = [:],
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard let error = loadError(text, files: files) else {
        Issue.record("expected an error for \(text.debugDescription)", sourceLocation: sourceLocation)
        return
    }
    #expect(error.message == message, sourceLocation: sourceLocation)
    #expect(error.range.file.path == file, sourceLocation: sourceLocation)
    #expect(error.range.line == line, sourceLocation: sourceLocation)
    #expect(error.range.column == column, sourceLocation: sourceLocation)
    #expect(error.suggestion == suggestion, sourceLocation: sourceLocation)
}

/// Each command of `text` described on one line (see `describe`).
func described(_ text: String, files: [String: String] = [:]) throws(ScriptError) -> [String] {
    try load(text, files: files).commands.map(describe)
}

/// A compact, canonical text for a command, so tests can compare parses as strings.
func describe(_ command: Command) -> String {
    let declared = command.declared
    let arguments = declared.arguments
    if let put = arguments as? PutArguments {
        return "put \(word(put.key)) \(assignments(put.fields))" + describe(via: put.via)
    }
    if let operation = arguments as? KeyFieldsArguments {
        return "\(declared.declaration.word) \(word(operation.key))" + list(operation.fields) + describe(via: operation.via)
    }
    if let stream = arguments as? StreamArguments {
        return "stream \(stream.name.text) \(word(stream.key))" + list(stream.fields) + (stream.initial ? " initial" : "")
            + (stream.retry.map { " retry \($0)" } ?? "")
    }
    if let at = arguments as? AtArguments { return "at \(at.time) " + describe(block: at.block) }
    if let expect = arguments as? ExpectArguments { return "expect " + describe(expect.expectation) }
    if let repeated = arguments as? RepeatArguments { return "repeat \(repeated.count) " + describe(block: repeated.body) }
    // `echo`'s words as written (its source quotes what is not bare); the others as their source.
    if let echo = arguments as? EchoArguments { return "echo" + list(echo.words) }
    if let include = arguments as? IncludeArguments {
        return "include \(word(include.path)) " + describe(block: Array(include.script.commands))
    }
    if let add = arguments as? AddArguments { return "add " + words(add.nodes) }
    // Numbers as read (microseconds for durations), so a test sees what the parser made of them.
    if let config = arguments as? ConfigArguments {
        return (["config"] + config.assignments.map { "\($0.key.rawValue)=\(describe($0.value))" })
            .joined(separator: " ")
    }
    if let o = arguments as? ChaosArguments {
        return "chaos \(o.duration) ops=\(o.ops) keys=\(o.keys) streams=\(o.streams)"
    }
    if let seed = arguments as? SeedArguments { return "seed \(seed.seed)" }
    if let advance = arguments as? AdvanceArguments { return "advance \(advance.duration)" }
    if let within = arguments as? WithinArguments {
        return (declared.declaration.word == "wait" ? "wait converged" : "check")
            + (within.within.map { " within \($0)" } ?? "")
    }
    return command.source()
}

func describe(_ expectation: Lang.Expectation) -> String {
    switch expectation {
    case .get(let key, let fields, let only, let via):
        return "get \(word(key)) \(assignments(fields))" + (only ? " only" : "") + describe(via: via)
    case .getAbsent(let key, let via): return "get \(word(key)) absent" + describe(via: via)
    case .streamNext(let name, let fields): return "stream \(name.text) next" + (fields.isEmpty ? "" : " " + assignments(fields))
    case .streamLast(let name, let fields): return "stream \(name.text) last" + (fields.isEmpty ? "" : " " + assignments(fields))
    case .streamCount(let name, let count): return "stream \(name.text) count \(count)"
    case .streamEmpty(let name): return "stream \(name.text) empty"
    case .owners(let key, let nodes): return "owners \(word(key)) " + words(nodes)
    case .sees(let a, let b, let up): return "\(a.text) sees \(b.text) \(up ? "up" : "down")"
    case .converged: return "converged"
    case .ok(let command): return "ok " + describe(command)
    case .fail(let command): return "fail " + describe(command)
    }
}

private func describe(_ value: Amount<ConfigValue>) -> String {
    switch value {
    case .value(let value): describe(value)
    case .iterated(let word): word.text
    }
}

private func describe(_ value: ConfigValue) -> String {
    switch value {
    case .count(let count): return "\(count)"
    case .duration(let micros): return "\(micros)us"
    case .latency(let low, let high): return "\(low)us..\(high)us"
    case .percent(let ppm): return "\(ppm)ppm"
    }
}

private func describe(block: [Command]) -> String {
    block.isEmpty ? "{ }" : "{ " + block.map(describe).joined(separator: "; ") + " }"
}

private func describe(via: Word?) -> String { via.map { " via \($0.text)" } ?? "" }
private func word(_ word: Word) -> String { word.quoted ? Lang.quote(word.text) : word.text }
private func words(_ items: [Word]) -> String { items.map(word).joined(separator: " ") }
private func list(_ items: [Word]) -> String { items.isEmpty ? "" : " " + words(items) }
private func assignments(_ items: [Assignment]) -> String {
    items.map { "\($0.field.text)=\(word($0.value))" }.joined(separator: " ")
}
