import Cluster

/// What completion may offer besides the language's fixed words: the names the session knows now.
public struct CompletionContext: Equatable, Sendable {
    public var nodes: [String]
    public var keys: [String]
    /// Open streams.
    public var streams: [String]
    /// Fields ever written, per key (a key missing here has none known).
    public var fieldsByKey: [String: [String]]
    public var configKeys: [String]
    /// Each node's state; a node missing here counts as running.
    public var nodeStates: [String: NodeState]
    /// Nodes leaving gracefully (a second `remove` of them is an error).
    public var leavingNodes: [String]
    /// Open streams whose client is disconnected.
    public var disconnectedStreams: [String]
    /// Whether the command being completed is inside a `{ … }` block: it runs later (`at`) or
    /// again (`repeat`), when the state may differ, so commands offer every name, not only the
    /// names that fit the state now.
    public var inBlock: Bool

    public init(nodes: [String] = [], keys: [String] = [], streams: [String] = [],
                fieldsByKey: [String: [String]] = [:], configKeys: [String] = Vocabulary.configKeys,
                nodeStates: [String: NodeState] = [:], leavingNodes: [String] = [],
                disconnectedStreams: [String] = [], inBlock: Bool = false) {
        self.nodes = nodes
        self.keys = keys
        self.streams = streams
        self.fieldsByKey = fieldsByKey
        self.configKeys = configKeys
        self.nodeStates = nodeStates
        self.leavingNodes = leavingNodes
        self.disconnectedStreams = disconnectedStreams
        self.inBlock = inBlock
    }

    public func fields(of key: String) -> [String] { fieldsByKey[key] ?? [] }

    /// `field=` for every known field of `key` that `written` does not assign yet.
    func assignments(of key: String, except written: [String]) -> [String] {
        let assigned = Set(written.compactMap { word in word.firstIndex(of: "=").map { String(word[..<$0]) } })
        return fields(of: key).filter { !assigned.contains($0) }.map { $0 + "=" }
    }

    /// `via NODE` ends a client operation: after `via` come nodes, after its node nothing; nil
    /// when `arguments` do not end so.
    func afterVia(_ arguments: [String]) -> [String]? {
        if arguments.last == "via" { return nodes }
        if arguments.count >= 2 && arguments[arguments.count - 2] == "via" { return [] }
        return nil
    }
}
