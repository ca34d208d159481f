/// What the harness knows of the machine a node runs on: ground truth, which node code never
/// sees (it is not in `Node`, and `NodeHost` does not offer it).
struct Machine {
    var state: NodeState = .running
    /// When it was last killed or paused (nil while running).
    var downSince: Micros?
    /// Taken out of the cluster for good (`remove`).
    var removed = false
    /// Bumped by kill, pause, resume, restart: timers armed before are void.
    var incarnation: UInt32 = 0
    /// Messages that arrived while paused, in arrival order (slots of the network's slab).
    var inbox: [Int32] = []
}

extension Array where Element == Machine {
    /// The machine of `node`.
    subscript(_ node: NodeID) -> Machine {
        @inline(__always) get { self[node.index] }
        @inline(__always) _modify { yield &self[node.index] }
    }
}
