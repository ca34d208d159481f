/// Cluster commands on nodes: add, kill, restart, pause, resume (remove: Simulation+Leave.swift);
/// and the network's partition, isolate and heal. Each checks that it can apply and says why not.
extension Simulation {
    func add(_ newNames: [String]) throws(ClusterError) {
        var seen: Set<String> = []
        for name in newNames {
            if nameIndex[name] != nil || !seen.insert(name).inserted {
                throw ClusterError(.alreadyInCluster, subject: name, "node \(name) is already in the cluster")
            }
        }
        let bootstrap = members.isEmpty
        // A running node that is not leaving; else any running one; with none running, a paused
        // one (it takes the join when it resumes, as it takes every message that waited for it).
        // Whatever happens to the contact, the new nodes also gossip to their seeds until they
        // have heard of every one (`unheardSeed`).
        let contact = members.first { machines[$0.index].state == .running && leaving[$0.index] == nil }
            ?? members.first { machines[$0.index].state == .running } ?? members.first { machines[$0.index].state == .paused }
        var added: [Node] = []
        for name in newNames {
            let node = Node(index: NodeID(nodes.count), name: name, nameID: names.intern(name),
                            vnodes: Int32(min(max(settings.vnodes, 1), Simulation.maxVnodes)))
            nodes.append(node)
            machines.append(Machine())
            nameIndex[name] = node.index
            added.append(node)
            count(.nodesAdded)
        }
        truthRingDirty = true
        if let recorder { recordAdd(recorder, added) }
        let everyone = members.map(\.index)
        for node in added {
            node.seeds = everyone.filter { $0 != node.index }
            node.view.set(ViewEntry(entry: MemberEntry(node: node.index, beat: now, downAt: MemberEntry.notDown, removed: false,
                                                       vnodes: node.vnodes), lastGrew: now, excluded: false))
            if bootstrap {
                for other in added where other !== node {
                    node.view.set(ViewEntry(entry: MemberEntry(node: other.index, beat: now, downAt: MemberEntry.notDown, removed: false,
                                                               vnodes: other.vnodes), lastGrew: now, excluded: false))
                }
            }
        }
        for node in added {
            context(node).armTimers()
            if !bootstrap, let contact { join(node, via: contact) }
        }
    }

    /// A node joins through a running contact (the admin tells it which): it knows the contact
    /// from then on, so its own gossip rounds keep reaching it until the rest is learned, even if
    /// the first message is lost.
    private func join(_ node: Node, via contact: Node) {
        if node.view[contact.index] == nil {
            node.view.set(ViewEntry(entry: MemberEntry(node: contact.index, beat: 0, downAt: MemberEntry.notDown, removed: false,
                                                       vnodes: contact.vnodes), lastGrew: now, excluded: false))
        }
        context(node).gossipNow(to: contact.index)
    }

    func kill(_ node: Node, wipe: Bool) throws(ClusterError) {
        if machines[node.index].state == .killed {
            throw ClusterError(.alreadyKilled, subject: node.name, "node \(node.name) is already killed")
        }
        machines[node.index].state = .killed
        machines[node.index].incarnation &+= 1
        if machines[node.index].downSince == nil { machines[node.index].downSince = now }
        node.coordinatorOps.removeAll()
        context(node).dropReports()
        for slot in machines[node.index].inbox {
            _ = network.take(slot)
            recorder?.dropped(slot: slot, at: now, why: "killed")
        }
        machines[node.index].inbox = []
        node.handoff = nil
        node.merkle.invalidate()
        recorder?.fault(wipe ? "wipe" : "kill", [node.name], at: now)
        if wipe {
            recordLostDisk(node, .wiped)
            node.store = Store()
            node.hints = HintStore(lastVersion: node.hints.lastVersion)  // versions still never repeat
            node.view = MembershipView()
            node.ring = Ring()
            node.ringVersion = Node.unbuiltRing
            node.ringMembers = []
            // The new view's versions start again.
            node.ownership = RangeMemo()
            node.placements = RangeMemo()
        }
        count(wipe ? .killsWipe : .kills)
        endLeaveAtOnce(node)
    }

    func restart(_ node: Node) throws(ClusterError) {
        guard machines[node.index].state == .killed else {
            throw ClusterError(.notKilled, subject: node.name, "node \(node.name) is not killed")
        }
        machines[node.index].state = .running
        machines[node.index].incarnation &+= 1
        machines[node.index].downSince = nil
        node.seeds = members.map(\.index).filter { $0 != node.index }
        node.view.restartClocks(me: node.index, now: context(node).now, resetStatus: true)
        context(node).beat()
        context(node).armTimers()
        if let contact = members.first(where: { machines[$0.index].state == .running && $0 !== node }) {
            join(node, via: contact)
        }
        recorder?.fault("restart", [node.name], at: now)
        context(node).antiEntropyRound()
        context(node).reportAfterRestart()
        count(.restarts)
    }

    func pause(_ node: Node) throws(ClusterError) {
        guard machines[node.index].state == .running else {
            throw ClusterError(.notRunning, subject: node.name, "node \(node.name) is not running")
        }
        machines[node.index].state = .paused
        machines[node.index].incarnation &+= 1
        machines[node.index].downSince = now
        recorder?.fault("pause", [node.name], at: now)
        count(.pauses)
        endLeaveAtOnce(node)
    }

    func resume(_ node: Node) throws(ClusterError) {
        guard machines[node.index].state == .paused else {
            throw ClusterError(.notPaused, subject: node.name, "node \(node.name) is not paused")
        }
        machines[node.index].state = .running
        machines[node.index].incarnation &+= 1
        machines[node.index].downSince = nil
        recorder?.fault("resume", [node.name], at: now)
        node.view.restartClocks(me: node.index, now: context(node).now, resetStatus: false)
        context(node).beat()
        context(node).armTimers()
        context(node).failCoordinatorOps()
        context(node).resendReports()
        drainInbox(node)
        context(node).antiEntropyRound()
        count(.resumes)
    }

    func partition(_ groups: [[String]]) throws(ClusterError) {
        guard groups.count >= 2 else {
            throw ClusterError(.invalidPartition, "a partition needs at least two groups")
        }
        var assignment: [NodeID: Int] = [:]
        for (g, group) in groups.enumerated() {
            guard !group.isEmpty else { throw ClusterError(.invalidPartition, "a partition group is empty") }
            for name in group {
                let n = try node(named: name)
                if assignment[n.index] != nil {
                    throw ClusterError(.invalidPartition, subject: name, "node \(name) is in two groups")
                }
                assignment[n.index] = g + 1
            }
        }
        network.partition(assignment)
        recorder?.fault("partition", groups.flatMap { $0 }, at: now, groups: groups)
        count(.partitions)
    }

    func isolate(_ node: Node) {
        network.isolate(node.index)
        recorder?.fault("isolate", [node.name], at: now)
        count(.isolations)
    }

    func heal() {
        network.heal()
        recorder?.fault("heal", [], at: now)
        count(.heals)
    }
}
