import Cluster

extension CommandDeclaration {
    /// `reconnect NAME`: the stream's client comes back and catches up.
    static let reconnect = oneStream(
        "reconnect", helpOrder: 180, summary: "the stream's client comes back and catches up",
        details: [
            "Resumes after the last sequence number seen: collects reports, reads the selected",
            "fields as get does, merges by highest stamp and, if the values differ from the last",
            "view delivered, delivers one view of them. Nothing is duplicated or goes back.",
        ],
        example: ["disconnect s", "put Alice balance=5", "reconnect s", "expect stream s last balance=5"],
        offers: \.streamsToReconnect,
        checkName: { checker, name throws(ScriptError) in try checker.openStream(name) }
    ) { interpreter, command, nameWord throws(ScriptError) in
        let name = interpreter.text(nameWord)
        try interpreter.holdingDeliveries { () throws(ScriptError) in
            let result = try interpreter.attempt(command, [nameWord]) { () throws(ClusterError) in
                try interpreter.cluster.reconnectStream(name)
            }
            interpreter.session.emit(.outcome, "reconnect \(name): "
                + (result.succeeded ? "ok" : interpreter.describeFailure(result)))
        }
    }
}
