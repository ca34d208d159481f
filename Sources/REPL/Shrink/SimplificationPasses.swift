import Lang

/// The passes that make what remains after delta debugging smaller and simpler, each as the list of
/// candidate edits it proposes, in a fixed order: a fault removed with the command that ends it;
/// blocks unwrapped; fewer nodes, then nodes renamed n1, n2, …; fewer keys, then keys renamed k1,
/// k2, …; fewer fields; shorter `advance` and `at` times; smaller `repeat` counts. (A `config`
/// value that does not matter goes with its line, or its assignment, as a field does.)
enum SimplificationPasses {
    typealias Pass = @Sendable ([ShrinkNode], FailureSignature) -> [Candidate]

    static let all: [Pass] = [removeFaultPairs, unwrapBlocks, removeNodes, renameNodes, mergeKeys, renameKeys,
                              removeFields, shortenTimes, smallerRepeats]

    // MARK: Commands that go together

    /// A fault and the command that ends it (`kill X` … `restart X`, `pause X` … `resume X`,
    /// `partition`/`isolate` … `heal`) removed together: delta debugging removes one command at a
    /// time once its chunks are small, and neither of a pair can go alone.
    static func removeFaultPairs(_ nodes: [ShrinkNode], _ signature: FailureSignature) -> [Candidate] {
        let words = ShrinkTree.allWords(nodes)
        var candidates: [Candidate] = []
        for (i, fault) in words.enumerated() {
            let ends: (([String]) -> Bool)?
            switch fault.first {
            case "kill" where fault.count > 1: ends = { $0 == ["restart", fault[1]] }
            case "pause" where fault.count > 1: ends = { $0 == ["resume", fault[1]] }
            case "partition", "isolate": ends = { $0 == ["heal"] }
            default: ends = nil
            }
            guard let ends, let j = words.indices.first(where: { $0 > i && ends(words[$0]) }) else { continue }
            let without = ShrinkTree.replacing(nodes) { _, number in number == i || number == j ? [] : nil }
            candidates.append(Candidate(nodes: without, signature: signature))
        }
        return candidates
    }

    /// A block's body in place of the block: `repeat 1` with `$i` read as 1, an `at` block's commands
    /// run when the script reaches it.
    static func unwrapBlocks(_ nodes: [ShrinkNode], _ signature: FailureSignature) -> [Candidate] {
        var candidates: [Candidate] = []
        for (i, header) in ShrinkTree.allWords(nodes).enumerated() where header.first == "at" || header == ["repeat", "1"] {
            let unwrapped = ShrinkTree.replacing(nodes) { node, number in
                guard number == i, case .block(_, let body) = node else { return nil }
                guard header.first == "repeat" else { return body }
                return ShrinkTree.rewritten(body) { $0.map { $0.replacing("$i", with: "1") } }
            }
            candidates.append(Candidate(nodes: unwrapped, signature: signature))
        }
        return candidates
    }

    // MARK: Nodes

    /// Node names in the order `add` lines name them.
    static func nodeNames(_ nodes: [ShrinkNode]) -> [String] {
        unique(ShrinkTree.allWords(nodes).filter { $0.first == "add" }.flatMap { $0.dropFirst() })
    }

    /// One candidate per node: without it, and without every command that names it (a `via` it
    /// names goes from its command, and it leaves a `partition`'s sides).
    static func removeNodes(_ nodes: [ShrinkNode], _ signature: FailureSignature) -> [Candidate] {
        nodeNames(nodes).filter { !signature.subject.contains($0) }.map { name in
            Candidate(nodes: ShrinkTree.rewritten(nodes) { without(name, $0) }, signature: signature)
        }
    }

    private static func without(_ name: String, _ words: [String]) -> [String]? {
        guard words.dropFirst().contains(name) else { return words }
        switch words.first {
        case "add":
            let rest = words.filter { $0 != name }
            return rest.count > 1 ? rest : nil
        case "partition":
            let sides = words.dropFirst().split(separator: "|").map { $0.filter { $0 != name } }.filter { !$0.isEmpty }
            return sides.count < 2 ? nil : ["partition"] + sides.enumerated().flatMap { i, side in (i > 0 ? ["|"] : []) + side }
        default:
            if let via = words.firstIndex(of: "via"), via + 1 < words.count, words[via + 1] == name,
               !words[..<via].contains(name) {
                return Array(words[..<via]) + words[(via + 2)...]
            }
            return nil
        }
    }

    /// Nodes renamed n1, n2, … in the order they were added (one candidate, when that changes any).
    static func renameNodes(_ nodes: [ShrinkNode], _ signature: FailureSignature) -> [Candidate] {
        let names = nodeNames(nodes)
        let map = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, "n\($0 + 1)") })
        guard map.contains(where: { $0 != $1 }) else { return [] }
        let renamed = ShrinkTree.rewritten(nodes) { words in [words[0]] + words.dropFirst().map { map[$0] ?? $0 } }
        return [Candidate(nodes: renamed, signature: signature.renamed(map))]
    }

    // MARK: Keys

    /// Where a line's key stands: `put K`, `stream NAME K`, `expect get K`, `expect ok put K`.
    static func keyIndex(_ words: [String]) -> Int? {
        let (offset, command) = innerCommand(words)
        switch command.first {
        case "put", "get", "delete": return command.count > 1 ? offset + 1 : nil
        case "stream": return command.count > 2 ? offset + 2 : nil
        case "expect" where command.count > 2 && (command[1] == "get" || command[1] == "owners"): return offset + 2
        default: return nil
        }
    }

    /// `expect ok COMMAND` and `expect fail COMMAND` hold a command: where it starts, and its words.
    private static func innerCommand(_ words: [String]) -> (Int, ArraySlice<String>) {
        if words.count > 2, words[0] == "expect", words[1] == "ok" || words[1] == "fail" { return (2, words[2...]) }
        return (0, words[...])
    }

    static func keys(_ nodes: [ShrinkNode]) -> [String] {
        unique(ShrinkTree.allWords(nodes).compactMap { words in keyIndex(words).map { words[$0] } })
    }

    private static func renamingKeys(_ nodes: [ShrinkNode], _ signature: FailureSignature,
                                     _ map: [String: String]) -> Candidate {
        let renamed = ShrinkTree.rewritten(nodes) { words in
            guard let i = keyIndex(words), let new = map[words[i]] else { return words }
            var copy = words
            copy[i] = new
            return copy
        }
        return Candidate(nodes: renamed, signature: signature.renamed(map))
    }

    /// One candidate per key after the first: that key's commands use the first key instead.
    static func mergeKeys(_ nodes: [ShrinkNode], _ signature: FailureSignature) -> [Candidate] {
        let keys = keys(nodes)
        guard let first = keys.first else { return [] }
        return keys.dropFirst().map { renamingKeys(nodes, signature, [$0: first]) }
    }

    /// Keys renamed k1, k2, … in the order they first appear.
    static func renameKeys(_ nodes: [ShrinkNode], _ signature: FailureSignature) -> [Candidate] {
        let keys = keys(nodes)
        let map = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, "k\($0 + 1)") })
        guard map.contains(where: { $0 != $1 }) else { return [] }
        return [renamingKeys(nodes, signature, map)]
    }

    // MARK: Fields

    /// One candidate per field a command could do without: an assignment of a `put`, an expected
    /// field, a `config` setting when the line has others; a field named by `get`, `delete` or `stream`.
    static func removeFields(_ nodes: [ShrinkNode], _ signature: FailureSignature) -> [Candidate] {
        editValues(nodes, signature) { words in
            removableFields(words).map { index in
                var copy = words
                copy.remove(at: index)
                return copy
            }
        }
    }

    static func removableFields(_ words: [String]) -> [Int] {
        let command = innerCommand(words).1
        let assignments = command.indices.filter { command[$0].contains("=") }
        switch command.first {
        case "put", "config": return assignments.count > 1 ? assignments : []
        case "expect" where command.count > 1 && (command[command.startIndex + 1] == "get" || command[command.startIndex + 1] == "stream"):
            return assignments.count > 1 ? assignments : []
        case "get", "delete":
            let end = command.firstIndex(of: "via") ?? command.endIndex
            return command.count > 2 ? Array(command.startIndex + 2 ..< end) : []
        case "stream":
            let end = command.firstIndex(of: "initial") ?? command.endIndex
            let fields = command.count > 3 ? Array(command.startIndex + 3 ..< end) : []
            return fields.count > 1 ? fields : []
        default:
            return []
        }
    }

    // MARK: Times and counts

    /// Shorter `advance` durations and earlier `at` times: a tenth, then half.
    static func shortenTimes(_ nodes: [ShrinkNode], _ signature: FailureSignature) -> [Candidate] {
        editValues(nodes, signature) { words in
            guard words.count >= 2, words[0] == "advance" || words[0] == "at",
                  let micros = ScriptValues.duration(words[1]) else { return [] }
            return unique([micros / 10, micros / 2].map(roundedDown).filter { $0 > 0 && $0 < micros })
                .map { [words[0], ScriptValues.text($0)] + words.dropFirst(2) }
        }
    }

    /// Smaller `repeat` counts: 1, then half.
    static func smallerRepeats(_ nodes: [ShrinkNode], _ signature: FailureSignature) -> [Candidate] {
        editValues(nodes, signature) { words in
            guard words.count == 2, words[0] == "repeat", let count = ScriptValues.count(words[1]) else { return [] }
            return unique([1, count / 2].filter { $0 >= 1 && $0 < count }).map { ["repeat", "\($0)"] }
        }
    }

    /// One candidate per replacement `edit` proposes for a line or header, in script order.
    private static func editValues(_ nodes: [ShrinkNode], _ signature: FailureSignature,
                                   _ edit: ([String]) -> [[String]]) -> [Candidate] {
        var candidates: [Candidate] = []
        for (here, words) in ShrinkTree.allWords(nodes).enumerated() {
            for replacement in edit(words) {
                var seen = 0
                let edited = ShrinkTree.rewritten(nodes) { w in
                    defer { seen += 1 }
                    return seen == here ? replacement : w
                }
                candidates.append(Candidate(nodes: edited, signature: signature))
            }
        }
        return candidates
    }

    /// Whole milliseconds above a millisecond, so shortened times stay readable.
    private static func roundedDown(_ micros: Int64) -> Int64 {
        micros >= 1_000 ? micros / 1_000 * 1_000 : micros
    }

    private static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}
