/// The static name check of LANGUAGE.md ("Before any of a file runs..."): in file order, a node used
/// before an `add` of it, or a stream used while no `stream` line has it open, is a script error.
///
/// Walks into includes, `repeat` bodies and `at` blocks in file order. `add` makes a node known for
/// good (statically, a node is never forgotten); `stream` (also `expect ok stream`, not `expect fail
/// stream`) opens a name and `close` ends it; `chaos … streams=S` opens `chaos-s1` … `chaos-sS`.
/// Words holding `$i` are skipped: they are checked as each `repeat` iteration runs.
public struct NameChecker {
    public private(set) var nodes: Set<String>
    public private(set) var streams: Set<String>
    /// `chaos-s1` … `chaos-sN` are open.
    private var chaosStreams = 0

    /// `nodes`/`streams`: names already known (the REPL passes the live cluster's nodes and open streams).
    public init(nodes: Set<String>, streams: Set<String>) {
        self.nodes = nodes
        self.streams = streams
    }

    public mutating func check(_ script: Script) throws(ScriptError) {
        try check(script.commands)
    }

    private mutating func check(_ commands: [Command]) throws(ScriptError) {
        for index in commands.indices { try check(commands[index].kind) }
    }

    private mutating func check(_ kind: CommandKind) throws(ScriptError) {
        switch kind {
        case .add(let words):
            for word in words {
                let name = word.text
                if !name.holdsIteration { nodes.insert(name) }
            }
        case .remove(let node), .kill(let node, _), .restart(let node), .pause(let node), .resume(let node),
             .isolate(let node):
            try knownNode(node)
        case .partition(let groups):
            for group in groups { for word in group { try knownNode(word) } }
        case .put(_, _, let via), .get(_, _, let via), .delete(_, _, let via):
            if let via { try knownNode(via) }
        case .stream(let name, _, _, _):
            let text = name.text
            if !text.holdsIteration { streams.insert(text) }
        case .close(let name):
            try openStream(name)
            streams.remove(name.text)
        case .disconnect(let name), .reconnect(let name):
            try openStream(name)
        case .at(_, let block):
            try check(block)
        case .repeat(_, let body):
            try check(body)
        case .include(_, let script):
            try check(script.commands)
        case .expect(.get(_, _, _, let via)), .expect(.getAbsent(_, let via)):
            // Matched here, not in check(_: Expectation): binding the whole expectation would copy it.
            if let via { try knownNode(via) }
        case .expect(let expectation):
            try check(expectation)
        case .chaos(let options):
            chaosStreams = max(chaosStreams, options.streams)
        case .config, .seed, .heal, .advance, .waitConverged, .check, .show, .echo, .trace, .help, .quit:
            break
        }
    }

    private mutating func check(_ expectation: Expectation) throws(ScriptError) {
        switch expectation {
        case .get(_, _, _, let via), .getAbsent(_, let via):
            if let via { try knownNode(via) }
        case .streamNext(let name, _), .streamLast(let name, _), .streamCount(let name, _), .streamEmpty(let name):
            try openStream(name)
        case .owners(_, let nodes):
            for word in nodes { try knownNode(word) }
        case .sees(let observer, let other, _):
            try knownNode(observer)
            try knownNode(other)
        case .converged:
            break
        case .ok(let command):
            try check(command.kind)
        case .fail(let command):
            // A stream expected to fail opens nothing; its `via` is still a node use.
            if case .stream = command.kind { return }
            try check(command.kind)
        }
    }

    private func knownNode(_ word: Word) throws(ScriptError) {
        let name = word.text
        guard !name.holdsIteration, !nodes.contains(name) else { return }
        throw ScriptError("unknown node `\(name)` (no `add \(name)` before this line)", at: word.range,
                          suggestion: Suggest.nearest(name, in: nodes.sorted()))
    }

    private func openStream(_ word: Word) throws(ScriptError) {
        let name = word.text
        guard !name.holdsIteration, !streams.contains(name), !isChaosStream(name) else { return }
        throw ScriptError("unknown stream `\(name)` (no `stream \(name) …` open before this line)",
                          at: word.range, suggestion: Suggest.nearest(name, in: streams.sorted()))
    }

    private func isChaosStream(_ name: String) -> Bool {
        guard name.hasPrefix("chaos-s"), let number = Values.count(String(name.dropFirst(7))) else { return false }
        return number >= 1 && number <= chaosStreams && !name.dropFirst(7).hasPrefix("0")
    }
}
