/// Client side of live queries: open, close, disconnect, reconnect, settle, and the merge rule.
extension Simulation {
    func stream(_ client: Client, _ name: String) throws(ClusterError) -> StreamClient {
        guard let s = client.streams[name] else {
            throw ClusterError(.streamNotOpen, subject: name, "stream \(name) is not open")
        }
        return s
    }

    func openStream(_ client: Client, _ name: String, key: String, fields: [String], initial: Bool) throws(ClusterError) -> ClientResult {
        if client.streams[name] != nil {
            throw ClusterError(.streamAlreadyOpen, subject: name, "stream \(name) is already open")
        }
        guard !members.isEmpty else { throw ClusterError(.noNodes, "no node in the cluster") }
        let keyID = internKey(key)
        var selection: [FieldID] = []
        for f in fields { let id = FieldID(self.fields.intern(f)); if !selection.contains(id) { selection.append(id) } }
        let instance = nextStreamInstance
        nextStreamInstance.raw &+= 1
        client.streams[name] = StreamClient(name: name, instance: instance, key: keyID, fields: selection)
        client.streamNames[instance] = name
        count(.streamsOpened)
        let registration = Registration(stream: instance, client: client.endpoint, fields: selection, closed: false)
        let stored = try performInternal(client, .register(key: keyID, registration: registration))
        guard stored.result.succeeded else {
            // It may be stored on some replicas all the same: close it there.
            var closed = registration
            closed.closed = true
            _ = try? submitInternal(client, .register(key: keyID, registration: closed), completion: nil)
            forget(client, name)
            return stored.result
        }
        let read = try performInternal(client, .get(key: keyID, fields: []))
        guard case .read(_, let replies, let coordinator) = read.result else {
            var closed = registration
            closed.closed = true
            _ = try? submitInternal(client, .register(key: keyID, registration: closed), completion: nil)
            forget(client, name)
            return read.result
        }
        guard var s = client.streams[name] else { return read.result }
        if let object = read.object { _ = s.state.merge(object.restricted(to: selection), order) }
        let values = s.values(order)
        s.lastValues = values
        client.streams[name] = s
        logStreamOpened(client, s, values: values)
        schedule(.streamRenew(stream: instance), at: now &+ settings.renewPeriod)
        if initial { deliver(client, name, values) }
        return .read(fields: viewFields(selection, values), replies: replies, coordinator: coordinator)
    }

    func closeStream(_ client: Client, _ name: String) throws(ClusterError) {
        let s = try stream(client, name)
        let closed = Registration(stream: s.instance, client: client.endpoint, fields: s.fields, closed: true, epoch: s.epoch)
        logStreamAway(client, s, closed: true)
        forget(client, name)
        if !members.isEmpty { _ = try? submitInternal(client, .register(key: s.key, registration: closed), completion: nil) }
    }

    func disconnectStream(_ client: Client, _ name: String) throws(ClusterError) {
        var s = try stream(client, name)
        guard s.connected else {
            throw ClusterError(.streamDisconnected, subject: name, "stream \(name) is already disconnected")
        }
        endResync(&s)
        s.connected = false
        client.streams[name] = s
        logStreamAway(client, s, closed: false)
    }

    func reconnectStream(_ client: Client, _ name: String) throws(ClusterError) -> ClientResult {
        var s = try stream(client, name)
        guard !s.connected else {
            throw ClusterError(.streamConnected, subject: name, "stream \(name) is connected")
        }
        s.connected = true
        s.epoch &+= 1
        s.holding = true
        client.streams[name] = s
        logStreamBack(s)
        defer { client.streams[name]?.holding = false }
        // Re-register with a higher epoch: every replica that learns it (now, or later through
        // repair and anti-entropy) reports its current state again, reliably; so a change whose
        // report was dropped while away still reaches the stream.
        let renewed = Registration(stream: s.instance, client: client.endpoint, fields: s.fields, closed: false, epoch: s.epoch)
        let registered = try performInternal(client, .register(key: s.key, registration: renewed))
        let read = try performInternal(client, .get(key: s.key, fields: []))
        client.streams[name]?.holding = false
        if let object = read.object { mergeIntoStream(client, name, object) } else { mergeIntoStream(client, name, ObjectRecord()) }
        if !registered.result.succeeded && (client.streams[name]?.reportedEpoch ?? 0) < s.epoch { startResync(client, name) }
        guard case .read(_, let replies, let coordinator) = read.result else { return read.result }
        let current = client.streams[name].map { $0.values(order) } ?? []
        return .read(fields: viewFields(s.fields, current), replies: replies, coordinator: coordinator)
    }

    /// A reconnect whose re-registration failed may have stored it on no replica at all (the
    /// key's replicas down, cut off from the coordinator, or the messages lost): then no replica
    /// would re-report what the stream missed while away, and its last view could stay behind
    /// the converged value for good (guarantee 3). So the client registers again every `timeout`
    /// until a registration succeeds, or a report shows that a replica holds the registration at
    /// the stream's current epoch, or the stream is disconnected or closed. Meanwhile one report
    /// counts as in flight for the stream, so `settle` and *converged* wait for it.
    ///
    /// Such a report ends it because a replica that holds the new epoch has reported its whole
    /// state of the selected fields since it learned it, and reports every later change: a write
    /// the stream missed is in that state, or reaches the replica later and is reported then.
    /// This also ends it where no registration can succeed (fewer nodes than `write`): a failed
    /// one is still stored where it can be, and the replica that stores it reports.
    private func startResync(_ client: Client, _ name: String) {
        guard var s = client.streams[name], s.connected, !s.resyncing else { return }
        s.resyncing = true
        client.streams[name] = s
        inFlightReports[s.instance, default: 0] += 1
        schedule(.streamResync(stream: s.instance, epoch: s.epoch), at: now &+ settings.timeout)
    }

    /// The resync timer of `stream` at `epoch` fires: register again.
    func resync(stream instance: StreamID, epoch: UInt32) {
        guard let client = client(holding: instance), let name = client.streamNames[instance], var s = client.streams[name], s.resyncing, s.epoch == epoch else { return }
        if members.isEmpty {  // nothing left to register with
            endResync(&s)
            client.streams[name] = s
            return
        }
        let registration = Registration(stream: instance, client: client.endpoint, fields: s.fields, closed: false, epoch: epoch)
        _ = try? submitInternal(client, .register(key: s.key, registration: registration)) { [unowned self] result in
            guard let name = client.streamNames[instance], var s = client.streams[name], s.resyncing, s.epoch == epoch else { return }
            if result.succeeded {
                self.endResync(&s)
                client.streams[name] = s
            } else {
                self.schedule(.streamResync(stream: instance, epoch: epoch), at: self.now &+ self.settings.timeout)
            }
        }
    }

    /// The client renews an open stream's registration every `renew` (guarantee 4), at the
    /// stream's current epoch: a replica that already holds it changes nothing and reports
    /// nothing, while one that lost it (every disk that held it wiped, say) stores it again and
    /// reports its current state of the selected fields, so the stream catches up as after
    /// `reconnect`. A renewal that fails is simply tried again a period later; a disconnected
    /// stream is not renewed (its `reconnect` registers again).
    func renew(stream instance: StreamID) {
        guard let client = client(holding: instance), let name = client.streamNames[instance], let s = client.streams[name] else { return }
        schedule(.streamRenew(stream: instance), at: now &+ settings.renewPeriod)
        guard s.connected, !members.isEmpty else { return }
        count(.renewals)
        let registration = Registration(stream: instance, client: client.endpoint, fields: s.fields, closed: false, epoch: s.epoch)
        _ = try? submitInternal(client, .register(key: s.key, registration: registration)) { _ in }
    }

    /// Whether `node` stores an open registration of the stream (clause 5 of *converged*).
    func holdsRegistration(_ node: Node, of s: StreamClient) -> Bool {
        node.store[s.key]?.registrations.contains { $0.stream == s.instance && !$0.closed } ?? false
    }

    /// The running owners of an open stream's key that do not hold its registration.
    func ownersMissingRegistration(of s: StreamClient) -> [NodeID] {
        owners(s.key).filter { machines[$0].state == .running && !holdsRegistration(nodes[$0], of: s) }
    }

    private func endResync(_ s: inout StreamClient) {
        guard s.resyncing else { return }
        s.resyncing = false
        reportRetired(s.instance)
    }

    /// Runs until no report for the stream is in flight, at most `timeout`.
    func settleStream(_ client: Client, _ name: String) throws(ClusterError) {
        let s = try stream(client, name)
        let deadline = now &+ settings.timeout
        if inFlightReports[s.instance] == nil { return }
        run(until: deadline) { [unowned self] in self.inFlightReports[s.instance] == nil }
    }

    /// A report reaches the client: always acknowledged; merged when its stream is open and connected.
    func receiveReport(_ client: Client, from node: Endpoint, id: ReportID, stream instance: StreamID, _ object: ObjectRecord) {
        send(from: client.endpoint, to: node, .reportAck(id: id))
        guard let name = client.streamNames[instance], var s = client.streams[name], s.connected else { return }
        if let epoch = object.registrations.first(where: { $0.stream == instance })?.epoch, epoch > s.reportedEpoch {
            s.reportedEpoch = epoch
            if epoch >= s.epoch { endResync(&s) }
            client.streams[name] = s
        }
        mergeIntoStream(client, name, object)
    }

    private func mergeIntoStream(_ client: Client, _ name: String, _ object: ObjectRecord) {
        guard var s = client.streams[name] else { return }
        _ = s.state.merge(object.restricted(to: s.fields), order)
        client.streams[name] = s
        guard !s.holding, let last = s.lastValues else { return }
        let values = s.values(order)
        if values != last { deliver(client, name, values) }
    }

    private func deliver(_ client: Client, _ name: String, _ values: [ValueID?]) {
        guard var s = client.streams[name] else { return }
        s.sequence += 1
        s.lastValues = values
        client.streams[name] = s
        logDelivery(s, values: values)
        count(.viewsDelivered)
        emit(.delivery(StreamView(stream: name, sequence: s.sequence, key: keys[s.key],
                                  fields: viewFields(s.fields, values))))
    }

    func viewFields(_ selection: [FieldID], _ values: [ValueID?]) -> [FieldValue] {
        var result: [FieldValue] = []
        for (f, v) in zip(selection, values) {
            if let v { result.append(FieldValue(fields[f], self.values[v])) }
        }
        return result
    }

    private func forget(_ client: Client, _ name: String) {
        if var s = client.streams.removeValue(forKey: name) {
            endResync(&s)
            client.streamNames[s.instance] = nil
        }
    }
}
