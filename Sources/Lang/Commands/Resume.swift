import Cluster

extension CommandDeclaration {
    /// `resume NODE`: a paused node goes on.
    static let resume = oneNode(
        "resume", helpOrder: 80, summary: "unfreeze a paused node",
        details: [
            "A paused node goes on with its state, handling the messages that waited.",
        ],
        example: ["pause n1", "advance 3s", "resume n1"],
        offers: { $0.nodes(in: [.paused]) }
    ) { cluster, name throws(ClusterError) in try cluster.resume(name) }
}

extension CommandKind {
    /// `resume NODE`, as `chaos` and tests write it.
    static func resume(_ node: Word) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.resume, NodeArguments(node: node)))
    }
}
