import Cluster

/// What a report shows, taken from a recorded run, with the size limit applied: the JSON that the
/// page's script draws from.
struct ReportData {
    /// Most message arrows a report holds; past it, gossip and anti-entropy are left out first,
    /// then every message sent after the last one kept.
    static let messageLimit = 200_000

    var script: String
    var seed: UInt64
    var endTime: Micros
    var passed: Int
    var failed: Int
    var recorder: RunRecorder
    var ringAtEnd: RunRecorder.RingSnapshot?
    var keys: [(key: String, position: Double)]
    var limit = ReportData.messageLimit

    /// The messages kept (indices into `recorder.messages`), and what was left out, in words.
    func keptMessages() -> (kept: [Int], omitted: String?) {
        let all = recorder.messages
        guard all.count > limit else { return (Array(all.indices), nil) }
        let background: Set<String> = ["gossip", "gossip-reply", "ae-tree", "ae-digest", "ae-pull", "ae-push"]
        var kept = all.indices.filter { !background.contains(all[$0].kind) }
        let backgroundCount = all.count - kept.count
        var notes: [String] = []
        if backgroundCount > 0 { notes.append("\(backgroundCount) gossip and anti-entropy messages") }
        if kept.count > limit {
            let cut = all[kept[limit]].sent
            notes.append("\(kept.count - limit) other messages sent from \(Durations.text(cut)) on")
            kept = Array(kept.prefix(limit))
        }
        return (kept, "The run sent \(all.count) messages, more than the report's limit of \(limit): left out "
                    + notes.joined(separator: " and ") + ". Operations, faults, views and findings are all shown.")
    }

    static let kinds = ["request", "reply", "write", "write-ack", "read", "read-reply", "repair", "hint", "hint-ack",
                        "handoff", "handoff-ack", "ae-tree", "ae-digest", "ae-pull", "ae-push", "gossip",
                        "gossip-reply", "report", "report-ack", "removed"]

    /// The page's data as one JSON object.
    func json() -> (text: String, messages: Int) {
        let (kept, omitted) = keptMessages()
        var kindIndex: [String: Int] = [:]
        for (i, k) in Self.kinds.enumerated() { kindIndex[k] = i }
        var out = "{"
        out += "\"script\":\(MarkupText.json(script)),\"seed\":\(MarkupText.json(String(seed))),\"end\":\(endTime),"
        out += "\"passed\":\(passed),\"failed\":\(failed),\"total\":\(recorder.messages.count),"
        out += "\"omitted\":" + (omitted.map(MarkupText.json) ?? "null") + ","
        out += "\"hosts\":[" + recorder.hosts.map(MarkupText.json).joined(separator: ",") + "],"
        out += "\"kinds\":[" + Self.kinds.map(MarkupText.json).joined(separator: ",") + "],"
        // Seven numbers a message: from, to, kind, sent, ended, fate, operation.
        var numbers = ""
        var texts = ""
        numbers.reserveCapacity(kept.count * 40)
        texts.reserveCapacity(kept.count * 60)
        for i in kept {
            let m = recorder.messages[i]
            let fate: Int
            var text = m.text
            switch m.fate {
            case .delivered(let waited): fate = waited ? 1 : 0
            case .dropped(let why): fate = 2; text += " — dropped (\(why))"
            case .lost: fate = 3; text += " — lost by the network"
            case .inFlight: fate = 4; text += " — still in flight at the end"
            }
            if !numbers.isEmpty { numbers += ","; texts += "," }
            for n in [Int64(m.from), Int64(m.to), Int64(kindIndex[m.kind] ?? 0), m.sent, m.ended, Int64(fate),
                      Int64(m.operation)] {
                numbers += String(n)
                numbers += ","
            }
            numbers.removeLast()
            texts += MarkupText.json(text)
        }
        out += "\"m\":[" + numbers + "],"
        out += "\"mt\":[" + texts + "],"
        out += "\"ops\":[" + recorder.operations.map { o in
            let end: Int
            switch o.end {
            case .ok: end = 0
            case .failed: end = 1
            case .timedOut: end = 2
            case .inFlight: end = 3
            }
            return "[\(o.client),\(o.coordinator),\(o.started),\(o.ended ?? -1),\(end),\(MarkupText.json(o.request)),"
                + "\(MarkupText.json(o.result)),\(MarkupText.json(o.key)),\(o.isRegistration ? 1 : 0)]"
        }.joined(separator: ",") + "],"
        out += "\"faults\":[" + recorder.faults.map { f in
            "[\(MarkupText.json(f.kind)),\(f.time),[\(f.hosts.map(String.init).joined(separator: ","))],["
                + f.groups.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",")
                + "],\(MarkupText.json(f.detail))]"
        }.joined(separator: ",") + "],"
        out += "\"views\":[" + recorder.views.map { v in
            "[\(v.time),\(MarkupText.json(v.stream)),\(v.sequence),\(MarkupText.json(v.key)),\(MarkupText.json(v.fields))]"
        }.joined(separator: ",") + "],"
        out += "\"checks\":[" + recorder.checks.map { c in
            "[\(c.time),\(c.converged ? 1 : 0),[" + c.findings.map { f in
                "[\(MarkupText.json(f.text)),\(f.operation),\(f.key.map(MarkupText.json) ?? "null")]"
            }.joined(separator: ",") + "]]"
        }.joined(separator: ",") + "],"
        out += "\"exps\":[" + recorder.expectations.map { e in
            "[\(e.time),\(e.held ? 1 : 0),\(MarkupText.json(e.location)),\(MarkupText.json(e.text)),"
                + "\(MarkupText.json(e.expected)),\(MarkupText.json(e.seen)),\(e.operation),\(e.check)]"
        }.joined(separator: ",") + "],"
        out += "\"ring0\":" + ring(recorder.ringAtStart) + ",\"ring1\":" + ring(ringAtEnd) + ","
        out += "\"keys\":[" + keys.map { "[\(MarkupText.json($0.key)),\(MarkupText.number($0.position, digits: 6))]" }
            .joined(separator: ",") + "]"
        out += "}"
        return (out, kept.count)
    }

    private func ring(_ snapshot: RunRecorder.RingSnapshot?) -> String {
        guard let s = snapshot else { return "null" }
        return "{\"time\":\(s.time),\"replicas\":\(s.replicas),\"tokens\":["
            + s.tokens.map { "\($0.host),\(MarkupText.number($0.position, digits: 6))" }.joined(separator: ",") + "]}"
    }
}
