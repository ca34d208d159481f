/// The static name check of docs/language.md ("Before a script runs"): in file order, a node used
/// before an `add` of it, or a stream used while no `stream` line has it open, is a script error.
///
/// Walks into includes, `repeat` bodies and `at` blocks in file order. `add` makes a node known for
/// good (statically, a node is never forgotten); `stream` (also `expect ok stream`, not `expect fail
/// stream`) opens a name and `close` ends it; `chaos … streams=S` opens S streams numbered after the
/// highest `chaos-sN` used so far.
/// Words holding `$i` are skipped: they are checked as each `repeat` iteration runs.
public struct NameChecker {
    public private(set) var nodes: Set<String>
    /// `nodes` again, looked up by bytes: a `via` on every line is checked without a `String`.
    private var nodeBytes: NameSet
    public private(set) var streams: Set<String>
    /// The highest N of a `chaos-sN` used so far: the next campaign opens the streams after it.
    private var chaosStreamsUsed: Int
    /// The numbers of the streams campaigns opened, but for those in `closedChaosStreams`.
    private var campaignStreams: [ClosedRange<Int>] = []
    private var closedChaosStreams: Set<Int> = []
    /// Set once which streams a campaign opened is known only as the script runs (`streams=$i`, or a
    /// `stream chaos-s$i` before it): any `chaos-sN` may be open from there on.
    private var anyChaosStream = false
    /// Set while the command of an `expect fail` is checked.
    private var failureExpected = false
    /// The table and file being checked (`check(_ script:)`).
    private var table = CommandTable(forScriptOf: 0)
    private var file = SourceFile(path: "", text: "")

    /// `nodes`/`streams`: names already known (the REPL passes the live cluster's nodes and open
    /// streams); `chaosStreamsUsed`: the highest N of a `chaos-sN` the run has used.
    public init(nodes: Set<String>, streams: Set<String>, chaosStreamsUsed: Int = 0) {
        self.nodes = nodes
        self.nodeBytes = NameSet(nodes)
        self.streams = streams
        self.chaosStreamsUsed = max(chaosStreamsUsed, streams.compactMap(Self.chaosStreamNumber).max() ?? 0)
    }

    public mutating func check(_ script: Script) throws(ScriptError) {
        // The table and file are held here while they are checked: the entries' checks read them
        // with no reference counting per command.
        let saved = (table, file)
        (table, file) = (script.table, script.file)
        defer { (table, file) = saved }
        for root in script.table.roots { try check(Int(root)) }
    }

    /// Entry `index` of the table being checked (and what it holds): the names its words use, as
    /// its declaration's `parse` said (`NameUse`), or for a built command, its behaviour's `checkNames`.
    private mutating func check(_ index: Int) throws(ScriptError) {
        let entry = table.entries[index]
        if entry.flags.contains(.built) {
            let command = table.built[Int(entry.value)]
            let declared = command.declared
            try declared.declaration.behaviour.checkNames(&self, declared.arguments, command)
            return
        }
        let first = Int(entry.firstWord), end = first + Int(entry.wordCount)
        switch entry.names {
        case .none:
            break
        case .via:
            if entry.flags.contains(.via) && end > first { try knownNode(table.words[end - 1]) }
        case .opensStream:
            guard end > first else { break }
            let name = file.text(table.words[first])
            if let number = Self.chaosStreamNumber(name) { chaosStreamsUsed = max(chaosStreamsUsed, number) }
            if name.holdsIteration && name.hasPrefix("chaos-s") { anyChaosStream = true }
            if !failureExpected && !name.holdsIteration { streams.insert(name) }
        case .stream:
            guard end > first else { break }
            try openStream(file.text(table.words[first]), at: file.range(table.words[first]))
        case .nodes, .nodesAfterKey:
            var word = entry.names == .nodes ? first : first + 1
            while word < end {
                try knownNode(table.words[word])
                word += 1
            }
        case .body:
            var child = index + 1
            while child < Int(entry.end) {
                try check(child)
                child = Int(table.entries[child].end)
            }
        case .next:
            try check(index + 1)
        case .nextExpectedToFail:
            let saved = failureExpected
            failureExpected = true
            defer { failureExpected = saved }
            try check(index + 1)
        }
    }

    /// A node word of a table entry: known, or it holds `$i`. Checked on the file's bytes: a `via`
    /// on every line costs no `String`.
    private func knownNode(_ lexeme: Lexeme) throws(ScriptError) {
        if !lexeme.escaped && file.source.withText(of: lexeme, { nodeBytes.contains($0) }) { return }
        try knownNode(file.text(lexeme), at: file.range(lexeme))
    }

    /// `chaos … streams=S` opens S streams, numbered after the highest `chaos-sN` used so far.
    mutating func openChaosStreams(_ streams: Amount<Int>) {
        guard case .value(let count) = streams else {
            // `streams=$i`: how many it opens is known only as it runs.
            anyChaosStream = true
            return
        }
        guard count > 0 else { return }
        campaignStreams.append(chaosStreamsUsed + 1 ... chaosStreamsUsed + count)
        chaosStreamsUsed += count
    }

    /// `add NODE`: the node is known from here on (a name holding `$i` is checked as it runs).
    mutating func add(_ word: Word) {
        let name = word.text
        if !name.holdsIteration && nodes.insert(name).inserted { nodeBytes.insert(name) }
    }

    /// A node word of a declared command: known, or it holds `$i`.
    func knownNode(_ word: Word) throws(ScriptError) { try knownNode(word.text, at: word.range) }

    /// `range` is made only for the error.
    private func knownNode(_ name: String, at range: @autoclosure () -> SourceRange) throws(ScriptError) {
        guard !name.holdsIteration, !nodes.contains(name) else { return }
        throw ScriptError("unknown node `\(name)` (no `add \(name)` before this line)", at: range(),
                          suggestion: Suggest.nearest(name, in: nodes.sorted()))
    }

    /// `close NAME`: the stream must be open (or hold `$i`), and is closed from here on.
    mutating func close(_ word: Word) throws(ScriptError) {
        try openStream(word)
        let text = word.text
        if streams.remove(text) == nil, let number = Self.chaosStreamNumber(text) { closedChaosStreams.insert(number) }
    }

    /// A stream word of a declared command: open, or it holds `$i`.
    func openStream(_ word: Word) throws(ScriptError) { try openStream(word.text, at: word.range) }

    private func openStream(_ name: String, at range: @autoclosure () -> SourceRange) throws(ScriptError) {
        guard !name.holdsIteration, !streams.contains(name), !isChaosStream(name) else { return }
        throw ScriptError("unknown stream `\(name)` (no `stream \(name) …` open before this line)",
                          at: range(), suggestion: Suggest.nearest(name, in: streams.sorted()))
    }

    private func isChaosStream(_ name: String) -> Bool {
        guard let number = Self.chaosStreamNumber(name) else { return false }
        if anyChaosStream { return true }
        return campaignStreams.contains { $0.contains(number) } && !closedChaosStreams.contains(number)
    }

    /// N of a name `chaos-sN` (N from 1, no leading zero), else nil.
    static func chaosStreamNumber(_ name: String) -> Int? {
        guard name.hasPrefix("chaos-s"), !name.dropFirst(7).hasPrefix("0"),
              let number = Values.count(String(name.dropFirst(7))), number >= 1 else { return nil }
        return number
    }
}
