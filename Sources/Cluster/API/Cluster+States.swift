/// States of nodes and streams by name, for the REPL's completion (ground truth, read-only).
extension Cluster {
    /// Open streams whose client is disconnected, sorted.
    public var disconnectedStreams: [String] {
        sim.client.streams.filter { !$0.value.connected }.keys.sorted()
    }

    /// Nodes leaving gracefully (`remove` under way), in the order they were added.
    public var leavingNodes: [String] { nodeNames.filter(isLeaving) }
}
