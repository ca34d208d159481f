import Cluster

/// Client operations (`put`, `get`, `delete`) and live queries (`stream`).
extension Interpreter {
    /// Runs the client operation `command` makes, `request` (its `words` are where an error points),
    /// to completion and prints its outcome.
    func clientOperation(_ command: Command, _ request: ClientRequest, _ words: [Word]) throws(ScriptError) -> ClientResult {
        try holdingDeliveries { () throws(ScriptError) in
            let result = try attempt(command, words) { () throws(ClusterError) in try cluster.perform(request) }
            session.emit(.outcome, describe(request, result))
            return result
        }
    }

    /// Starts the client operation of a command in an `at` block: its outcome prints when it completes.
    func submit(_ command: Command, _ request: ClientRequest, _ words: [Word]) throws(ScriptError) {
        operationsInFlight += 1
        try attempt(command, words) { () throws(ClusterError) in
            _ = try cluster.submit(request) { [unowned self] result in
                self.operationsInFlight -= 1
                self.session.emit(.outcome, "[\(Formatting.time(self.cluster.now))] " + self.describe(request, result))
            }
        }
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

    /// `stream NAME KEY FIELD… [initial] [retry DURATION]`: a registration that failed (every try,
    /// with `retry`) is a script error unless expected. Each failed try is printed, and none counts.
    func openStream(_ command: Command, _ stream: StreamArguments, expectFailure: Bool) throws(ScriptError) -> ClientResult {
        func attempt(expectFailure: Bool) throws(ScriptError) -> ClientResult {
            try holdingDeliveries { () throws(ScriptError) in
                try openStreamHeld(command, name: stream.name, key: stream.key, fields: stream.fields,
                                   initial: stream.initial, expectFailure: expectFailure)
            }
        }
        guard let retry = stream.retry else { return try attempt(expectFailure: expectFailure) }
        let limit = try value(retry, .duration)
        let start = cluster.now
        let (deadline, overflow) = start.addingReportingOverflow(limit)
        var tries = 0
        while true {
            let started = cluster.now
            let result = try attempt(expectFailure: true)
            tries += 1
            if result.succeeded || shouldStop() { return result }
            // Tries start at least `timeout` apart: one that failed at once (too few replicas
            // reachable) is tried again once time has passed, not at once.
            let next = started + max(cluster.settings.timeout, 1)
            if overflow || next < deadline {
                if cluster.now < next { cluster.advance(by: next - cluster.now) }
                if shouldStop() { return result }
                if overflow || cluster.now < deadline { continue }
            }
            if expectFailure { return result }
            throw ScriptError("stream registration \(describeFailure(result)), \(tries) tr\(tries == 1 ? "y" : "ies") "
                              + "in \(Durations.text(cluster.now - start)): the stream never opened",
                              at: command.range)
        }
    }

    private func openStreamHeld(_ command: Command, name: Word, key: Word, fields: [Word], initial: Bool,
                                expectFailure: Bool) throws(ScriptError) -> ClientResult {
        let streamName = text(name)
        if let number = NameChecker.chaosStreamNumber(streamName) { chaosStreamsUsed = max(chaosStreamsUsed, number) }
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
            session.emit(.outcome, "stream \(streamName) on \(Formatting.word(text(key))) [\(selection)]: open, "
                + "starting view \(Formatting.fields(view ?? [])) (\(coordinator))")
        } else {
            pending[streamName] = nil
            session.emit(.outcome, "stream \(streamName): \(describeFailure(result))")
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
