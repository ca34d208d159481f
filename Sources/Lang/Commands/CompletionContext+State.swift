import Cluster

/// The names a command can act on now: what its completion offers (`restart` offers killed nodes,
/// `reconnect` disconnected streams). Inside a block every name is offered (`inBlock`).
extension CompletionContext {
    /// Nodes in one of `states`, in the order they were added.
    func nodes(in states: Set<NodeState>) -> [String] {
        inBlock ? nodes : nodes.filter { states.contains(nodeStates[$0] ?? .running) }
    }

    /// Nodes that may start a graceful leave: every node not already leaving.
    var removableNodes: [String] {
        inBlock ? nodes : nodes.filter { !leavingNodes.contains($0) }
    }

    /// Open streams whose client is connected (`disconnect` fits them).
    var connectedStreams: [String] {
        inBlock ? streams : streams.filter { !disconnectedStreams.contains($0) }
    }

    /// Open streams whose client is disconnected (`reconnect` fits them).
    var streamsToReconnect: [String] {
        inBlock ? streams : streams.filter { disconnectedStreams.contains($0) }
    }
}
