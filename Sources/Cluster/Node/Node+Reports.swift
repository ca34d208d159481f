/// Replica side of live queries: reports of changes to selected fields, sent to the client,
/// retransmitted until acknowledged so that a lost message never loses a view.
extension NodeContext {
    /// The report carries the registration it answers, with the epoch this replica knows, so
    /// that the client can tell a report made after its reconnect's re-registration reached the
    /// replica from an older one still being retransmitted (see `startResync`).
    func sendReport(_ reg: Registration, _ key: KeyID, _ state: ObjectRecord) {
        var object = state
        object.registrations = [reg]
        let id = node.nextReport
        node.nextReport.raw &+= 1
        node.reports[id] = PendingReport(stream: reg.stream, client: reg.client, key: key, object: object)
        host.reportPending(reg.stream)
        count(.streamReports)
        send(to: reg.client, .report(id: id, stream: reg.stream, key: key, object: object))
        host.armReportRetransmit(node.index, report: id, after: settings.retransmitDelay)
    }

    func retransmitReport(_ id: ReportID) {
        guard let r = node.reports[id] else { return }
        send(to: r.client, .report(id: id, stream: r.stream, key: r.key, object: r.object))
        host.armReportRetransmit(node.index, report: id, after: settings.retransmitDelay)
    }

    func acknowledgeReport(_ id: ReportID) {
        guard let r = node.reports.removeValue(forKey: id) else { return }
        host.reportRetired(r.stream)
    }

    /// A node's memory is lost (kill): its pending reports go with it.
    func dropReports() {
        for r in node.reports.values { host.reportRetired(r.stream) }
        node.reports = [:]
    }

    /// After a restart: the reports the node had not had acknowledged went with its memory at
    /// the kill, but what they said is on its disk. So it reports the current state of every
    /// key it stores to each open registration there (the client merges by stamp: a report of
    /// what it already has gives no view; one of a write it never heard of gives that write's).
    func reportAfterRestart() {
        let registered = node.store.entries.compactMap { key, object in object.registrations.isEmpty ? nil : key }
        for key in registered.sorted() {
            guard let stored = node.store[key] else { continue }
            for reg in stored.registrations where !reg.closed {
                sendReport(reg, key, stored.restricted(to: reg.fields))
            }
        }
    }

    /// After a resume: everything still unacknowledged goes again, on fresh timers.
    func resendReports() {
        for id in node.reports.keys.sorted() { retransmitReport(id) }
    }
}
