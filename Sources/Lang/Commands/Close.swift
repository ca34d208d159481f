import Cluster

extension CommandDeclaration {
    /// `close NAME`: closes a stream.
    static let close = oneStream(
        "close", helpOrder: 160, summary: "close a stream",
        details: [
            "Closes the stream. A name reopened after close starts again at sequence 1.",
        ],
        example: ["stream s Alice balance", "close s"],
        offers: \.streams,
        checkName: { checker, name throws(ScriptError) in try checker.close(name) }
    ) { interpreter, command, nameWord throws(ScriptError) in
        let name = interpreter.text(nameWord)
        try interpreter.attempt(command, [nameWord]) { () throws(ClusterError) in
            try interpreter.cluster.closeStream(name)
        }
        interpreter.pending[name] = nil
    }
}
