import Cluster

/// Client operations (`put`, `get`, `delete`) and live queries (`stream`).
extension Interpreter {
    /// The request a client-operation command makes, with `$i` substituted; nil for other commands.
    func request(_ command: Command) -> (ClientRequest, words: [Word])? {
        switch command.kind {
        case .put(let key, let fields, let via):
            let values = fields.map { FieldValue(text($0.field), text($0.value)) }
            return (.put(key: text(key), fields: values, via: via.map(text)), [key] + (via.map { [$0] } ?? []))
        case .get(let key, let fields, let via):
            return (.get(key: text(key), fields: fields.map(text), via: via.map(text)), [key] + (via.map { [$0] } ?? []))
        case .delete(let key, let fields, let via):
            return (.delete(key: text(key), fields: fields.map(text), via: via.map(text)), [key] + (via.map { [$0] } ?? []))
        default:
            return nil
        }
    }

    /// Runs a client operation to completion and prints its outcome.
    func clientOperation(_ command: Command) throws(ScriptError) -> ClientResult {
        guard let (request, words) = request(command) else {
            throw ScriptError("not a client operation", at: command.range)
        }
        let result = try holdingDeliveries { () throws(ScriptError) in
            let result = try attempt(command, words) { () throws(ClusterError) in try cluster.perform(request) }
            session.emit(.normal, describe(request, result))
            return result
        }
        return result
    }

    /// Runs `body` with deliveries held, then prints them: a view follows the outcome of the write that
    /// caused it, even when the replica's report reached the client before the coordinator's reply.
    func holdingDeliveries<T>(_ body: () throws(ScriptError) -> T) throws(ScriptError) -> T {
        let outer = heldDeliveries
        heldDeliveries = []
        defer {
            let held = heldDeliveries ?? []
            heldDeliveries = outer
            if outer != nil { heldDeliveries?.append(contentsOf: held) } else { held.forEach { printDelivery($0) } }
        }
        return try body()
    }

    /// `stream NAME KEY FIELD… [initial]`: a failed registration is a script error unless expected.
    func openStream(_ command: Command, name: Word, key: Word, fields: [Word], initial: Bool,
                    expectFailure: Bool) throws(ScriptError) -> ClientResult {
        try holdingDeliveries { () throws(ScriptError) in
            try openStreamHeld(command, name: name, key: key, fields: fields, initial: initial, expectFailure: expectFailure)
        }
    }

    private func openStreamHeld(_ command: Command, name: Word, key: Word, fields: [Word], initial: Bool,
                                expectFailure: Bool) throws(ScriptError) -> ClientResult {
        let streamName = text(name)
        pending[streamName] = []
        let result: ClientResult
        do {
            result = try cluster.openStream(streamName, key: text(key), fields: fields.map(text), initial: initial)
        } catch {
            pending[streamName] = nil
            throw scriptError(error, command, [name])
        }
        let selection = fields.map(text).joined(separator: " ")
        if case .read(let view, _, let coordinator) = result {
            session.emit(.normal, "stream \(streamName) on \(Formatting.word(text(key))) [\(selection)]: open, "
                + "starting view \(Formatting.fields(view ?? [])) (\(coordinator))")
        } else {
            pending[streamName] = nil
            session.emit(.normal, "stream \(streamName): \(describeFailure(result))")
            if !expectFailure {
                throw ScriptError("stream registration \(describeFailure(result))", at: command.range)
            }
        }
        return result
    }

    func describe(_ request: ClientRequest, _ result: ClientResult) -> String {
        let head: String
        switch request {
        case .put(let key, _, _): head = "put \(Formatting.word(key))"
        case .get(let key, _, _): head = "get \(Formatting.word(key))"
        case .delete(let key, _, _): head = "delete \(Formatting.word(key))"
        }
        switch result {
        case .written(let acks, let coordinator):
            return "\(head): ok (\(coordinator), \(acks) ack\(acks == 1 ? "" : "s"))"
        case .read(let fields, let replies, let coordinator):
            let body = fields.map { Formatting.fields($0) } ?? "absent"
            return "\(head): \(body) (\(coordinator), \(replies) repl\(replies == 1 ? "y" : "ies"))"
        case .failed:
            return "\(head): \(describeFailure(result))"
        }
    }

    func describeFailure(_ result: ClientResult) -> String {
        if case .failed(let reason) = result { return "failed: \(reason)" }
        return "ok"
    }
}
