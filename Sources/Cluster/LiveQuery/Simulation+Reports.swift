/// Replica side of live queries: reports of changes to selected fields, sent to the client,
/// retransmitted until acknowledged so that a lost message never loses a view.
extension Simulation {
    var reportRetransmitDelay: Micros { 2 &* settings.latencyMax &+ 1000 }

    /// The report carries the registration it answers, with the epoch this replica knows, so
    /// that the client can tell a report made after its reconnect's re-registration reached the
    /// replica from an older one still being retransmitted (see `startResync`).
    func sendReport(_ node: Node, _ reg: Registration, _ key: UInt32, _ state: ObjectRecord) {
        var object = state
        object.registrations = [reg]
        let id = node.nextReport
        node.nextReport &+= 1
        node.reports[id] = PendingReport(stream: reg.stream, client: reg.client, key: key, object: object)
        inFlightReports[reg.stream, default: 0] += 1
        count(.streamReports)
        send(from: node.index, to: reg.client, .report(id: id, stream: reg.stream, key: key, object: object))
        schedule(.reportRetransmit(node: node.index, incarnation: node.incarnation, report: id),
                 at: now &+ reportRetransmitDelay)
    }

    func retransmitReport(_ node: Node, _ id: Int32) {
        guard let r = node.reports[id] else { return }
        send(from: node.index, to: r.client, .report(id: id, stream: r.stream, key: r.key, object: r.object))
        schedule(.reportRetransmit(node: node.index, incarnation: node.incarnation, report: id),
                 at: now &+ reportRetransmitDelay)
    }

    func acknowledgeReport(_ node: Node, _ id: Int32) {
        guard let r = node.reports.removeValue(forKey: id) else { return }
        retire(r.stream)
    }

    /// A node's memory is lost (kill): its pending reports go with it.
    func dropReports(_ node: Node) {
        for r in node.reports.values { retire(r.stream) }
        node.reports = [:]
    }

    /// After a restart: the reports the node had not had acknowledged went with its memory at
    /// the kill, but what they said is on its disk. So it reports the current state of every
    /// key it stores to each open registration there (the client merges by stamp: a report of
    /// what it already has gives no view; one of a write it never heard of gives that write's).
    func reportAfterRestart(_ node: Node) {
        let registered = node.store.entries.compactMap { key, object in object.registrations.isEmpty ? nil : key }
        for key in registered.sorted() {
            guard let stored = node.store[key] else { continue }
            for reg in stored.registrations where !reg.closed {
                sendReport(node, reg, key, stored.restricted(to: reg.fields))
            }
        }
    }

    /// After a resume: everything still unacknowledged goes again, on fresh timers.
    func resendReports(_ node: Node) {
        for id in node.reports.keys.sorted() { retransmitReport(node, id) }
    }

    /// One report (or pending re-registration) of `stream` is no longer in flight.
    func retire(_ stream: UInt32) {
        let n = (inFlightReports[stream] ?? 1) - 1
        inFlightReports[stream] = n > 0 ? n : nil
    }
}
