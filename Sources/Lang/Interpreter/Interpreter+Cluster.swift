import Cluster

/// `add` and `remove`.
extension Interpreter {
    func membership(_ command: Command) throws(ScriptError) {
        switch command.kind {
        case .add(let nodes):
            try attempt(command, nodes) { () throws(ClusterError) in try cluster.add(nodes.map(text)) }
        case .remove(let node):
            let outcome = try attempt(command, [node]) { () throws(ClusterError) in try cluster.remove(text(node)) }
            session.emit(.normal, describeRemove(text(node), outcome))
        default:
            break
        }
    }

    /// What a `remove` did, in words (a plain `remove` and one in an `at` block alike).
    func describeRemove(_ node: String, _ outcome: RemoveOutcome) -> String {
        switch outcome {
        case .handedOff: "remove \(node): handed off its ranges and streams, stopped"
        case .droppedAfterTimeout: "remove \(node): handoff did not finish within 60s; dropped as a killed node would be"
        case .dropped: "remove \(node): dropped at once (it was not running)"
        }
    }
}
