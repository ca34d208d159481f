import Cluster

extension CommandDeclaration {
    /// `disconnect NAME`: the stream's client goes away.
    static let disconnect = oneStream(
        "disconnect", helpOrder: 170, summary: "the stream's client goes away",
        details: [
            "The stream's client goes away: reports for it are dropped until reconnect.",
        ],
        example: ["disconnect s", "put Alice balance=5", "reconnect s"],
        offers: \.connectedStreams,
        checkName: { checker, name throws(ScriptError) in try checker.openStream(name) }
    ) { interpreter, command, nameWord throws(ScriptError) in
        let name = interpreter.text(nameWord)
        try interpreter.attempt(command, [nameWord]) { () throws(ClusterError) in
            try interpreter.cluster.disconnectStream(name)
        }
    }
}
