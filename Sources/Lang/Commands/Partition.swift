import Cluster

extension CommandDeclaration {
    /// `partition A… | B… [| C…]`: groups of nodes that cannot talk to one another.
    static let partition = CommandDeclaration(
        word: "partition", helpOrder: 90, group: .cluster,
        usages: ["partition A… | B… [| C…]"],
        summary: "split nodes into groups that cannot talk",
        details: [
            "Two or more disjoint, non-empty groups; messages between nodes of different groups are",
            "dropped (judged on arrival, so messages in flight are cut too). Nodes not named stay",
            "connected to all. A new partition replaces the previous one (isolations stay).",
        ],
        example: ["partition n1 n2 | n3 n4 n5", "advance 10s", "heal"],
        runsInAtBlock: true,
        parse: { parser, args, table throws(ScriptError) in
            parser.declared(PartitionArguments(groups: try groups(parser, &args)), args, into: &table)
        },
        complete: { arguments, context in context.nodes.filter { !arguments.contains($0) } },
        behaviour: .of(PartitionArguments.self,
            run: { interpreter, command, partition throws(ScriptError) in
                let groups = partition.groups
                try interpreter.attempt(command, groups.flatMap { $0 }) { () throws(ClusterError) in
                    try interpreter.cluster.partition(groups.map { $0.map(interpreter.text) })
                }
                return .next
            },
            checkNames: { checker, partition, _ throws(ScriptError) in
                for group in partition.groups { for node in group { try checker.knownNode(node) } }
            },
            source: { partition, word in
                "partition " + partition.groups.map { $0.map { Formatting.word(word($0)) }.joined(separator: " ") }
                    .joined(separator: " | ")
            }))

    /// Two or more non-empty, disjoint groups.
    private static func groups(_ parser: CommandParser, _ args: inout Arguments) throws(ScriptError) -> [[Word]] {
        let file = parser.file
        var groups: [[Word]] = [[]]
        var pipes: [Token] = []
        var seen: Set<String> = []
        var reader = SourceReader(file: file)
        while let token = args.next() {
            if token.kind == .pipe {
                if groups[groups.count - 1].isEmpty {
                    let side = pipes.isEmpty ? "before this `|`" : "between this `|` and the one before it"
                    throw ScriptError("empty group \(side): every group of a partition needs a node: \(args.usage)",
                                      at: file.range(token))
                }
                groups.append([])
                pipes.append(token)
                continue
            }
            let node = reader.word(try args.name(token, kind: .node))
            guard seen.insert(node.text).inserted else {
                throw ScriptError("`\(node.text)` is named twice: the groups of a partition must be disjoint",
                                  at: node.range)
            }
            groups[groups.count - 1].append(node)
        }
        guard let lastPipe = pipes.last else {
            if groups[0].isEmpty { throw args.missing("groups of nodes") }
            throw args.missing("at least two groups separated by `|`")
        }
        if groups[groups.count - 1].isEmpty {
            throw ScriptError("empty group after this `|`: every group of a partition needs a node: \(args.usage)",
                              at: file.range(lastPipe))
        }
        return groups
    }
}

/// Two or more disjoint, non-empty groups of nodes.
struct PartitionArguments: CommandArguments, Equatable {
    var groups: [[Word]]
}

extension CommandKind {
    /// `partition A… | B… [| C…]`, as `chaos` and tests write it.
    static func partition(_ groups: [[Word]]) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.partition, PartitionArguments(groups: groups)))
    }
}
