import Cluster

extension CommandDeclaration {
    /// `isolate NODE`: cuts the node off from every other node.
    static let isolate = oneNode(
        "isolate", helpOrder: 100, summary: "cut a node off from every other node",
        details: [
            "Cuts NODE off from every other node (the client still reaches it).",
        ],
        example: ["isolate n3", "advance 10s", "heal"],
        offers: \.nodes
    ) { cluster, name throws(ClusterError) in try cluster.isolate(name) }
}

extension CommandKind {
    /// `isolate NODE`, as `chaos` and tests write it.
    static func isolate(_ node: Word) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.isolate, NodeArguments(node: node)))
    }
}
