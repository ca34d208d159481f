/// Parses a whole file and resolves its includes, recursively, before anything runs.
///
/// Where the language reference is silent, the front end decides (docs/decisions.md):
/// - `via NODE`, `initial` and `only` are options only as the last words of a line; elsewhere they
///   are ordinary words (`get k via x` reads fields `via` and `x`). Quoted words are never keywords.
/// - Field names in `get`, `delete` and `stream` are bare words; keys may be quoted (even `""`).
/// - Command words are case-sensitive (`Put` is unknown, with `put` suggested).
/// - A block that spans lines ends with a `}` that starts its line; after a `}` only another `}`
///   may follow on that line. Blocks and includes nest at most 100 levels deep.
/// - `latency=A..B` with A > B is rejected here, at the value.
/// - A file may be included more than once (not in a cycle); one script expands at most 10,000
///   includes. An included file is parsed on its own: `$i` in it needs a `repeat` in that file.
/// - Durations are `D[.D]` plus `ms`, `s`, `m` or `h`: no sign, no exponent, no leading `.`.
public struct ScriptLoader {
    /// Most includes one load may resolve (counting a file each time it is included), so that
    /// a file including another twice, which includes another twice, … cannot blow up.
    static let maxIncludes = 10_000

    private let readFile: (String) throws -> String

    /// `readFile` gets a path (already joined: relative include paths are resolved against the
    /// including file's directory; absolute paths stay) and returns its text or throws. The
    /// error's description is shown after "cannot read `x.kvs`: ", so it should be a short reason.
    public init(readFile: @escaping (String) throws -> String) {
        self.readFile = readFile
    }

    /// Parses `text` (shown as `path` in diagnostics). Throws the FIRST script error found, in file order.
    /// An included file is parsed on its own: `$i` in it is an error outside its own `repeat`s.
    public func load(text: String, path: String) throws(ScriptError) -> Script {
        try IncludeResolver(readFile: readFile).parse(text: text, path: path, key: IncludePath.normalize(path), depth: 0)
    }
}

/// The state of one `load`: the chain of files being parsed (for cycles) and those already parsed.
private final class IncludeResolver {
    let readFile: (String) throws -> String
    /// Files being parsed, outermost first: normalised path and the path shown.
    var chain: [(key: String, shown: String)] = []
    /// Files parsed whole, by normalised path: a file included twice is read and parsed once.
    /// With each, how many includes it expands to (counted again each time it is included).
    var parsed: [String: (script: Script, includes: Int)] = [:]
    /// Includes expanded so far, as the name checker and interpreter will walk them.
    var includes = 0

    init(readFile: @escaping (String) throws -> String) {
        self.readFile = readFile
    }

    func parse(text: String, path: String, key: String, depth: Int) throws(ScriptError) -> Script {
        let file = SourceFile(path: path, text: text, linesFoundByParser: true)
        chain.append((key, path))
        defer { chain.removeLast() }
        let parser = ScriptParser(file: file, baseDepth: depth) { [unowned self] word, depth throws(ScriptError) in
            try self.include(word, from: file, depth: depth)
        }
        return Script(file: file, table: try parser.parse())
    }

    private func include(_ word: Word, from file: SourceFile, depth: Int) throws(ScriptError) -> Script {
        let path = IncludePath.resolve(word.text, from: file.path)
        if let start = chain.firstIndex(where: { $0.key == path }) {
            let names = chain[start...].map(\.shown) + [path]
            throw ScriptError("include cycle: " + names.joined(separator: " → "), at: word.range)
        }
        if let (script, inner) = parsed[path] { return try counted(script, inner: inner, at: word) }
        if depth > ScriptParser.maxDepth {
            throw ScriptError("blocks and includes nest more than \(ScriptParser.maxDepth) levels deep", at: word.range)
        }
        let text: String
        do {
            text = try readFile(path)
        } catch {
            throw ScriptError("cannot read `\(word.text)`: \(error)", at: word.range)
        }
        let before = includes
        let script = try parse(text: text, path: path, key: path, depth: depth)
        parsed[path] = (script, includes - before)
        return try counted(script, inner: 0, at: word)
    }

    /// Counts an include of `script` and the `inner` includes it expands to (already counted when it
    /// was first parsed).
    private func counted(_ script: Script, inner: Int, at word: Word) throws(ScriptError) -> Script {
        includes += 1 + inner
        guard includes <= ScriptLoader.maxIncludes else {
            throw ScriptError("more than \(ScriptLoader.maxIncludes) includes in one script", at: word.range)
        }
        return script
    }
}
