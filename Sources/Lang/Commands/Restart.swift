import Cluster

extension CommandDeclaration {
    /// `restart NODE`: a killed node starts again.
    static let restart = oneNode(
        "restart", helpOrder: 60, summary: "start a killed node again with what its disk kept",
        details: [
            "A killed node starts again with what its disk kept (nothing after wipe), rejoins and",
            "catches up. Restarting a node that is not killed is an error.",
        ],
        example: ["kill n2", "advance 5s", "restart n2"],
        offers: { $0.nodes(in: [.killed]) }
    ) { cluster, name throws(ClusterError) in try cluster.restart(name) }
}

extension CommandKind {
    /// `restart NODE`, as `chaos` and tests write it.
    static func restart(_ node: Word) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.restart, NodeArguments(node: node)))
    }
}
