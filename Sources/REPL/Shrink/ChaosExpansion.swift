import Lang

/// Replaces each top-level `chaos` line by the commands it ran, as `--record` writes them (its
/// streams, timed `at` blocks of operations and faults, the `advance` to its end and the commands
/// that heal it), so that each of them can be removed on its own.
///
/// One recorded run of the whole script gives every expansion: `echo` lines placed around each
/// campaign mark where its commands start and end in the recording. All campaigns are expanded
/// from the same run, since a campaign's draws depend on those before it.
enum ChaosExpansion {
    static let mark = "kvrepl-shrink-chaos-mark"

    static func expand(_ nodes: [ShrinkNode], seed: UInt64, path: String) -> [ShrinkNode] {
        guard nodes.contains(where: isChaos) else { return nodes }
        var marked: [ShrinkNode] = []
        for node in nodes {
            if isChaos(node) { marked += [.line(["echo", mark]), node, .line(["echo", mark])] } else { marked.append(node) }
        }
        let result = ScriptRun.run(ScriptSource(path: path, text: ShrinkTree.render(marked)), seed: seed,
                                   settings: RunSettings(quiet: true, record: true), output: { _, _ in })
        guard let recording = result.recording else { return nodes }
        // The recording starts with a comment and `seed N`; what follows are the commands run.
        let recorded = parse(recording.split(separator: "\n", omittingEmptySubsequences: true).dropFirst(2).map(String.init))
        var expansions: [[ShrinkNode]] = []
        var current: [ShrinkNode]?
        for node in recorded where node.words != [] {
            if node.words == ["echo", mark] {
                if let finished = current { expansions.append(finished); current = nil } else { current = [] }
            } else {
                current?.append(node)
            }
        }
        var out: [ShrinkNode] = []
        var next = 0
        for node in nodes {
            if isChaos(node) && next < expansions.count {
                out += expansions[next]
                next += 1
            } else {
                out.append(node)
            }
        }
        return out
    }

    static func isChaos(_ node: ShrinkNode) -> Bool {
        if case .line(let words) = node { return words.first == "chaos" }
        return false
    }

    /// Recorded lines back into nodes: a line ending in `{` opens a block, `}` closes it.
    static func parse(_ lines: [String]) -> [ShrinkNode] {
        var stack: [(header: [String], body: [ShrinkNode])] = [([], [])]
        for raw in lines {
            var words = ShrinkText.words(raw)
            if words == ["}"] {
                guard stack.count > 1, let done = stack.popLast() else { continue }
                stack[stack.count - 1].body.append(.block(header: done.header, body: done.body))
            } else if words.last == "{" {
                words.removeLast()
                stack.append((words, []))
            } else if !words.isEmpty {
                stack[stack.count - 1].body.append(.line(words))
            }
        }
        while stack.count > 1, let done = stack.popLast() {
            stack[stack.count - 1].body.append(.block(header: done.header, body: done.body))
        }
        return stack[0].body
    }
}
