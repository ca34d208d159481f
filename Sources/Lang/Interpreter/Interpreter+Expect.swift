import Cluster

/// `expect …`: each form counts as passed or failed; the script goes on either way.
extension Interpreter {
    func expect(_ expectation: Expectation, _ command: Command) throws(ScriptError) {
        switch expectation {
        case .get(let key, let fields, let only, let via):
            let result = try read(key, via, command)
            let wanted = fields.map { FieldValue(text($0.field), text($0.value)) }
            var held = false
            if case .read(let seen?, _, _) = result {
                let seenSet = Set(seen)
                held = wanted.allSatisfy(seenSet.contains) && (!only || Set(wanted) == seenSet)
            }
            record(held, command, expected: Formatting.fields(wanted) + (only ? " and no other field" : ""),
                   seen: seenText(result))
        case .getAbsent(let key, let via):
            let result = try read(key, via, command)
            var held = false
            if case .read(nil, _, _) = result { held = true }
            record(held, command, expected: "absent", seen: seenText(result))
        case .streamNext(let name, let fields):
            let views = try settledViews(name, command)
            let wanted = fields.map { FieldValue(text($0.field), text($0.value)) }
            guard let first = views.first else {
                record(false, command, expected: Formatting.fields(wanted), seen: "no view pending")
                return
            }
            pending[text(name)]?.removeFirst()
            record(Set(first.fields) == Set(wanted) && first.fields.count == wanted.count, command,
                   expected: Formatting.fields(wanted), seen: "#\(first.sequence) \(Formatting.fields(first.fields))")
        case .streamLast(let name, let fields):
            let views = try settledViews(name, command)
            let wanted = fields.map { FieldValue(text($0.field), text($0.value)) }
            guard let last = views.last else {
                record(false, command, expected: Formatting.fields(wanted), seen: "no view pending")
                return
            }
            pending[text(name)] = []
            record(Set(last.fields) == Set(wanted) && last.fields.count == wanted.count, command,
                   expected: Formatting.fields(wanted),
                   seen: "#\(last.sequence) \(Formatting.fields(last.fields)) (last of \(views.count) pending)")
        case .streamCount(let name, let count):
            let count = try value(count, .count)
            let views = try settledViews(name, command)
            record(views.count == count, command, expected: "\(count) pending", seen: pendingText(views))
        case .streamEmpty(let name):
            let views = try settledViews(name, command)
            record(views.isEmpty, command, expected: "no view pending", seen: pendingText(views))
        case .owners(let key, let nodes):
            for node in nodes where !cluster.nodeNames.contains(text(node)) {
                throw ScriptError("node `\(text(node))` is not in the cluster", at: node.range,
                                  suggestion: Suggest.nearest(text(node), in: cluster.nodeNames))
            }
            let owners = cluster.owners(of: text(key))
            record(Set(owners) == Set(nodes.map(text)) && owners.count == nodes.count, command,
                   expected: nodes.map(text).sorted().joined(separator: " "),
                   seen: owners.isEmpty ? "(none)" : owners.sorted().joined(separator: " "))
        case .sees(let observer, let other, let up):
            // An OTHER that NODE never heard of (stopped before its join reached it) is not held up:
            // it counts as down, and the line says why.
            let (seesUp, heard) = try attempt(command, [observer, other]) { () throws(ClusterError) in
                (try cluster.sees(text(observer), text(other)), try cluster.hasHeard(text(observer), of: text(other)))
            }
            record(seesUp == up, command, expected: up ? "up" : "down",
                   seen: seesUp ? "up" : heard ? "down" : "down (\(text(observer)) has not heard of \(text(other)))")
        case .converged:
            let report = cluster.convergence()
            record(report.isConverged, command, expected: "converged",
                   seen: report.isConverged ? "converged" : "not converged: " + report.unmet.joined(separator: "; "))
        case .ok(let inner), .fail(let inner):
            var wantSuccess = true
            if case .fail = expectation { wantSuccess = false }
            let declared = inner.declared
            guard let outcome = declared.declaration.behaviour.outcome else {
                throw ScriptError("`expect ok` and `expect fail` take a put, get, delete or stream command",
                                  at: inner.range)
            }
            let result = try outcome(self, inner, declared.arguments)
            record(result.succeeded == wantSuccess, command, expected: wantSuccess ? "success" : "failure",
                   seen: result.succeeded ? "success" : describeFailure(result))
        }
    }

    private func read(_ key: Word, _ via: Word?, _ command: Command) throws(ScriptError) -> ClientResult {
        let request = ClientRequest.get(key: text(key), fields: [], via: via.map(text))
        return try holdingDeliveries { () throws(ScriptError) in
            let result = try attempt(command, [key] + (via.map { [$0] } ?? [])) { () throws(ClusterError) in
                try cluster.perform(request)
            }
            session.emit(.outcome, describe(request, result))
            return result
        }
    }

    private func seenText(_ result: ClientResult) -> String {
        switch result {
        case .read(let fields?, _, _): Formatting.fields(fields)
        case .read(nil, _, _): "absent"
        case .written: "a write"
        case .failed: describeFailure(result)
        }
    }

    /// Lets reports for the stream settle, then returns its pending views.
    private func settledViews(_ name: Word, _ command: Command) throws(ScriptError) -> [StreamView] {
        try attempt(command, [name]) { () throws(ClusterError) in try cluster.settleStream(text(name)) }
        try raiseDeferred()
        return pending[text(name)] ?? []
    }

    private func pendingText(_ views: [StreamView]) -> String {
        views.isEmpty ? "no view pending"
            : "\(views.count) pending: " + views.map { "#\($0.sequence) \(Formatting.fields($0.fields))" }.joined(separator: ", ")
    }
}
