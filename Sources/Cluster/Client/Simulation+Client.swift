/// A client's side of operations: it picks a coordinator, sends the request, and completes the
/// operation on the coordinator's reply or at its own deadline, whichever comes first.
extension Simulation {
    func makeRequest(_ request: ClientRequest) -> (ClientOp.Request, via: String?) {
        switch request {
        case .put(let key, let fs, let via):
            return (.put(key: internKey(key), fields: fs.map { (FieldID(fields.intern($0.field)), ValueID(values.intern($0.value))) }), via)
        case .get(let key, let fs, let via):
            return (.get(key: internKey(key), fields: fs.map { FieldID(fields.intern($0)) }), via)
        case .delete(let key, let fs, let via):
            return (.delete(key: internKey(key), fields: fs.map { FieldID(fields.intern($0)) }), via)
        }
    }

    func submitInternal(_ client: Client, _ request: ClientOp.Request, via: String? = nil,
                        completion: ((ClientResult) -> Void)?) throws(ClusterError) -> ClientOpID {
        guard !nameIndex.isEmpty else { throw ClusterError(.noNodes, "no node in the cluster") }
        var coordinator: NodeID?
        if let via {
            coordinator = try node(named: via).index
        } else if let c = defaultCoordinator(for: request.key) {
            coordinator = c
        }
        let id = client.ops.append(ClientOp(request: request, coordinator: coordinator, result: nil, object: nil, completion: completion, hadCallback: completion != nil))
        switch request {
        case .put: count(.puts)
        case .get: count(.gets)
        case .delete: count(.deletes)
        case .register: count(.registrations)
        }
        if let recorder { recordStart(recorder, client, id, request, coordinator: coordinator) }
        if let coordinator { send(from: client.endpoint, to: Endpoint(coordinator), .request(op: id, request: request)) }
        scheduleDeadline(.clientTimeout(client: Int32(client.index), op: id))
        return id
    }

    /// Submits and runs until the operation completes (its deadline bounds the run).
    func performInternal(_ client: Client, _ request: ClientOp.Request, via: String? = nil) throws(ClusterError)
        -> (result: ClientResult, object: ObjectRecord?) {
        let id = try submitInternal(client, request, via: via, completion: nil)
        while !client.ops.isComplete(id) {
            guard let t = kernel.nextTime else { break }
            run(until: t) { client.ops.isComplete(id) }
        }
        let op = client.ops[id]
        client.ops.outcomeTaken(id)
        return (op?.result ?? .failed(reason: "did not complete"), op?.object)
    }

    /// Runs until no put, get or delete is in flight: each completes or times out (`check` judges
    /// the history only then). Stops early when `interruptRequested` says so.
    func drainClientOperations() {
        for client in clients {
            while let id = client.ops.oldestInFlight() {
                while !client.ops.isComplete(id) {
                    guard let t = kernel.nextTime else { return }
                    run(until: t) { client.ops.isComplete(id) }
                    if let interrupt = interruptRequested, interrupt() { return }
                }
            }
        }
    }

    /// Whether some client has a put, get or delete in flight.
    func clientOperationsInFlight() -> Bool {
        clients.contains { $0.ops.oldestInFlight() != nil }
    }

    func clientReceive(_ client: Client, _ m: Message) {
        switch m.payload {
        case .reply(let op, let outcome):
            let coordinator = endpointName(m.from)
            switch outcome {
            case .written(let acks, let stamp):
                completeClientOp(client, op, result: .written(acks: acks, coordinator: coordinator), object: nil,
                                 stamp: stamp.isZero ? nil : stamp)
            case .read(let object, let replies):
                completeClientOp(client, op, result: .read(fields: readFields(client, op, object), replies: replies,
                                                  coordinator: coordinator), object: object)
            case .failed(let why):
                completeClientOp(client, op, result: .failed(reason: why), object: nil)
            }
        case .report(let id, let stream, let key, let object):
            _ = key
            receiveReport(client, from: m.from, id: id, stream: stream, object)
        default:
            break
        }
    }

    /// A read's answer as the client sees it: visible (selected) fields in name order; nil when
    /// no object exists.
    private func readFields(_ client: Client, _ op: ClientOpID, _ object: ObjectRecord?) -> [FieldValue]? {
        guard let object, object.exists(order) else { return nil }
        var selection: [FieldID] = []
        if case .get(_, let fs)? = client.ops.request(of: op) { selection = fs }
        var result: [FieldValue] = []
        for f in object.fields where object.isVisible(f, order) && (selection.isEmpty || selection.contains(f.field)) {
            result.append(FieldValue(fields[f.field], values[f.value]))
        }
        return result.sorted { $0.field < $1.field }
    }

    /// `stamp`: the version an acknowledged write was given (kept for `check` and `stamp(of:)`).
    func completeClientOp(_ client: Client, _ op: ClientOpID, result: ClientResult, object: ObjectRecord?, stamp: Stamp? = nil) {
        // The callback is moved out through a captured variable: returned through `update`'s
        // generic result, a closure would be wrapped in a thunk allocated on every completion.
        var callback: ((ClientResult) -> Void)?
        let fresh = client.ops.update(op) { o -> Bool in
            guard o.result == nil else { return false }
            o.result = result
            o.object = object
            if let stamp { o.stamp = stamp }
            swap(&callback, &o.completion)
            return true
        }
        guard fresh == true else { return }  // no such operation, or it had completed already
        if !result.succeeded { count(.failedOperations) }
        recorder?.operationEnded(client: endpointName(client.endpoint), op: op.raw, result: result, at: now)
        callback?(result)
        client.ops.completed(op)
    }
}
