/// `remove`: a graceful leave. `beginRemove` starts it and returns; the leave ends when the
/// handoff finishes (checked after every event), after `leaveLimit` without it, or at once when
/// the leaving node is killed or paused. `remove` is `beginRemove` plus running until it ends.
extension Simulation {
    static let leaveLimit: Micros = 60_000_000

    func beginRemove(_ node: Node, completion: @escaping (RemoveOutcome) -> Void) throws(ClusterError) {
        if leaving[node.index] != nil {
            throw ClusterError(.alreadyLeaving, subject: node.name, "node \(node.name) is already leaving the cluster")
        }
        if machines[node.index].state == .running && !members.contains(where: { $0 !== node && machines[$0.index].state == .running }) {
            throw ClusterError(.lastRunningNode, subject: node.name, "node \(node.name) is the last running node")
        }
        count(.removes)
        guard machines[node.index].state == .running else {
            recordLostDisk(node, .dropped)
            drop(node)
            completion(.dropped)
            return
        }
        let index = node.index
        let deadline = scheduleAction(at: now &+ Self.leaveLimit) { [unowned self] in
            self.endLeave(self.nodes[index], .droppedAfterTimeout)
        }
        leaving[index] = (completion, deadline)
        recorder?.fault("leave", [node.name], at: now)
        context(node).startHandoff()
        settleLeaves()
    }

    func remove(_ node: Node) throws(ClusterError) -> RemoveOutcome {
        var outcome: RemoveOutcome?
        try beginRemove(node) { outcome = $0 }
        if outcome == nil {
            run(until: now &+ Self.leaveLimit) { outcome != nil }
        }
        if outcome == nil { endLeave(node, .droppedAfterTimeout) }  // the run was interrupted
        return outcome ?? .droppedAfterTimeout
    }

    /// Ends every leave whose handoff has finished (in node order).
    func settleLeaves() {
        for index in leaving.keys.sorted() {
            let node = nodes[index]
            if node.handoff != nil && context(node).isHandoffDone() { endLeave(node, .handedOff) }
        }
    }

    /// A leaving node killed or paused cannot finish its handoff: it is dropped at once.
    func endLeaveAtOnce(_ node: Node) {
        if leaving[node.index] != nil { endLeave(node, .dropped) }
    }

    private func endLeave(_ node: Node, _ outcome: RemoveOutcome) {
        guard let (completion, deadline) = leaving.removeValue(forKey: node.index) else { return }
        cancelAction(deadline)
        if outcome != .handedOff { recordLostDisk(node, .dropped) }
        drop(node)
        completion(outcome)  // the caller reports the outcome
    }

    /// Takes a node out of the cluster for good; the admin tells every other node.
    private func drop(_ node: Node) {
        if machines[node.index].state != .killed { context(node).dropReports() }
        machines[node.index].removed = true
        machines[node.index].state = .killed
        machines[node.index].incarnation &+= 1
        node.handoff = nil
        for slot in machines[node.index].inbox {
            _ = network.take(slot)
            recorder?.dropped(slot: slot, at: now, why: "removed")
        }
        machines[node.index].inbox = []
        recorder?.fault("remove", [node.name], at: now)
        nameIndex[node.name] = nil
        network.forget(node.index)
        truthRingDirty = true
        for other in members { send(from: client.endpoint, to: Endpoint(other.index), .removed(node: node.index)) }
    }
}
