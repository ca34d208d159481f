import Cluster

/// `add`, `remove` and `config`.
extension Interpreter {
    func membership(_ command: Command) throws(ScriptError) {
        switch command.kind {
        case .add(let nodes):
            try attempt(command, nodes) { () throws(ClusterError) in try cluster.add(nodes.map(text)) }
        case .remove(let node):
            let outcome = try attempt(command, [node]) { () throws(ClusterError) in try cluster.remove(text(node)) }
            session.emit(.normal, describeRemove(text(node), outcome))
        default:
            break
        }
    }

    /// What a `remove` did, in words (a plain `remove` and one in an `at` block alike).
    func describeRemove(_ node: String, _ outcome: RemoveOutcome) -> String {
        switch outcome {
        case .handedOff: "remove \(node): handed off its ranges and streams, stopped"
        case .droppedAfterTimeout: "remove \(node): handoff did not finish within 60s; dropped as a killed node would be"
        case .dropped: "remove \(node): dropped at once (it was not running)"
        }
    }

    /// `config`: prints every setting, or applies a line's assignments together, then checks them.
    func configure(_ assignments: [ConfigAssignment], _ command: Command) throws(ScriptError) {
        guard !assignments.isEmpty else {
            let settings = cluster.settings
            session.emit(.normal, SettingKey.allCases.map { "\($0.rawValue)=\(Formatting.setting($0, of: settings))" }
                .joined(separator: "\n"))
            return
        }
        var settings = cluster.settings
        let values = try settingValues(assignments)
        for (a, value) in zip(assignments, values) {
            switch (a.key, value) {
            case (.replicas, .count(let n)): settings.replicas = n
            case (.read, .count(let n)): settings.read = n
            case (.write, .count(let n)): settings.write = n
            case (.vnodes, .count(let n)): settings.vnodes = n
            case (.fanout, .count(let n)): settings.fanout = n
            case (.gossip, .duration(let t)): settings.gossip = t
            case (.suspect, .duration(let t)): settings.suspect = t
            case (.rehash, .duration(let t)): settings.rehash = t
            case (.antientropy, .duration(let t)): settings.antientropy = t
            case (.renew, .duration(let t)): settings.renew = t
            case (.timeout, .duration(let t)): settings.timeout = t
            case (.latency, .latency(let a, let b)):
                settings.latencyMin = a
                settings.latencyMax = b
            case (.loss, .percent(let ppm)): settings.lossPPM = ppm
            default:
                throw ScriptError("`\(a.key.rawValue)` cannot take this value", at: a.valueWord.range)
            }
        }
        if let (key, message) = settings.firstInvalid() {
            // Point at the value that broke the rule: the key itself, or `replicas` when it made read/write too high.
            let culprit = assignments.last { $0.key == key }
                ?? assignments.last { $0.key == .replicas && (key == .read || key == .write) }
                ?? assignments[0]
            let note = if case .iterated = culprit.value { iterationNote } else { "" }
            throw ScriptError("bad value: \(message); nothing of this line was applied" + note,
                              at: culprit.valueWord.range)
        }
        try attempt(command, []) { () throws(ClusterError) in try cluster.configure(settings) }
    }
}
