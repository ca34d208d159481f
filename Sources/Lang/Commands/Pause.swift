import Cluster

extension CommandDeclaration {
    /// `pause NODE`: the node freezes.
    static let pause = oneNode(
        "pause", helpOrder: 70, summary: "freeze a node (messages to it wait)",
        details: [
            "The node freezes: it sends nothing and its timers stop; messages that reach it wait,",
            "in order, and are handled after resume.",
        ],
        example: ["pause n1", "advance 3s", "resume n1"],
        offers: { $0.nodes(in: [.running]) }
    ) { cluster, name throws(ClusterError) in try cluster.pause(name) }
}

extension CommandKind {
    /// `pause NODE`, as `chaos` and tests write it.
    static func pause(_ node: Word) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.pause, NodeArguments(node: node)))
    }
}
