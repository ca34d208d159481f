import Lang

/// A script as the shrinker edits it: commands as lines of words, `at` and `repeat` as a header and
/// a body. Words are kept as the language writes them (quoted when they need it), so a line is its
/// words joined by blanks.
indirect enum ShrinkNode: Equatable, Sendable {
    case line([String])
    case block(header: [String], body: [ShrinkNode])

    init(_ item: OutlineItem) {
        switch item {
        case .line(let text): self = .line(ShrinkText.words(text))
        case .block(let header, let body): self = .block(header: ShrinkText.words(header), body: body.map(ShrinkNode.init))
        }
    }

    /// The command's own words (a block's header).
    var words: [String] {
        switch self {
        case .line(let words): words
        case .block(let header, _): header
        }
    }

    /// Commands in it: one, plus those of a block's body.
    var size: Int {
        switch self {
        case .line: 1
        case .block(_, let body): 1 + body.reduce(0) { $0 + $1.size }
        }
    }

    func render(indent: String = "") -> String {
        switch self {
        case .line(let words): return indent + words.joined(separator: " ") + "\n"
        case .block(let header, let body):
            return indent + header.joined(separator: " ") + " {\n"
                + body.map { $0.render(indent: indent + "  ") }.joined() + indent + "}\n"
        }
    }

    /// The same node with every line and header rewritten by `edit`; a line it maps to nil goes,
    /// and so does a block whose body it empties.
    func rewritten(_ edit: ([String]) -> [String]?) -> ShrinkNode? {
        switch self {
        case .line(let words): return edit(words).map(ShrinkNode.line)
        case .block(let header, let body):
            guard let header = edit(header) else { return nil }
            let kept = body.compactMap { $0.rewritten(edit) }
            return kept.isEmpty && !body.isEmpty ? nil : .block(header: header, body: kept)
        }
    }
}

/// Whole scripts as node lists.
enum ShrinkTree {
    static func size(_ nodes: [ShrinkNode]) -> Int { nodes.reduce(0) { $0 + $1.size } }

    static func render(_ nodes: [ShrinkNode]) -> String { nodes.map { $0.render() }.joined() }

    static func rewritten(_ nodes: [ShrinkNode], _ edit: ([String]) -> [String]?) -> [ShrinkNode] {
        nodes.compactMap { $0.rewritten(edit) }
    }

    /// `nodes` with each node replaced by what `replace` gives for it and its number in script
    /// order (the order of `allWords`): nil keeps it (and visits its body), a list stands in its place.
    static func replacing(_ nodes: [ShrinkNode], _ replace: (ShrinkNode, Int) -> [ShrinkNode]?) -> [ShrinkNode] {
        var counter = 0
        return replacing(nodes, &counter, replace)
    }

    private static func replacing(_ nodes: [ShrinkNode], _ counter: inout Int,
                                  _ replace: (ShrinkNode, Int) -> [ShrinkNode]?) -> [ShrinkNode] {
        var out: [ShrinkNode] = []
        for node in nodes {
            let number = counter
            counter += 1
            if let replacement = replace(node, number) {
                // Skip the numbers of the body it stood for.
                counter += node.size - 1
                out += replacement
            } else if case .block(let header, let body) = node {
                out.append(.block(header: header, body: replacing(body, &counter, replace)))
            } else {
                out.append(node)
            }
        }
        return out
    }

    /// Every line's and header's words, in script order.
    static func allWords(_ nodes: [ShrinkNode]) -> [[String]] {
        nodes.flatMap { node -> [[String]] in
            switch node {
            case .line(let words): [words]
            case .block(let header, let body): [header] + allWords(body)
            }
        }
    }

    /// The paths (child indices from the top) of every block, in script order, outer before inner.
    static func blockPaths(_ nodes: [ShrinkNode], prefix: [Int] = []) -> [[Int]] {
        nodes.indices.flatMap { i -> [[Int]] in
            guard case .block(_, let body) = nodes[i] else { return [] }
            return [prefix + [i]] + blockPaths(body, prefix: prefix + [i])
        }
    }

    /// The body of the block at `path` (the top-level list for an empty path).
    static func body(_ nodes: [ShrinkNode], at path: [Int]) -> [ShrinkNode]? {
        guard let first = path.first else { return nodes }
        guard nodes.indices.contains(first), case .block(_, let body) = nodes[first] else { return nil }
        return Self.body(body, at: Array(path.dropFirst()))
    }

    /// `nodes` with the body at `path` replaced.
    static func replacingBody(_ nodes: [ShrinkNode], at path: [Int], with new: [ShrinkNode]) -> [ShrinkNode] {
        guard let first = path.first else { return new }
        guard nodes.indices.contains(first), case .block(let header, let body) = nodes[first] else { return nodes }
        var copy = nodes
        copy[first] = .block(header: header, body: replacingBody(body, at: Array(path.dropFirst()), with: new))
        return copy
    }
}

/// Words of a line as the language writes them: split at blanks outside double quotes.
enum ShrinkText {
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for c in line {
            if quoted {
                current.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { quoted = false }
            } else if c == " " || c == "\t" {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                if c == "\"" { quoted = true }
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
