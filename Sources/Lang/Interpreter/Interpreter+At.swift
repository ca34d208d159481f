import Cluster

/// An `at TIME { … }` block, with the `$i` iterations it was scheduled under.
struct ScheduledBlock {
    var time: Micros
    var command: Command
    var body: [Command]
    var iterations: [Int]
    var started = false
}

/// `at TIME { … }`: commands that start at a virtual time without waiting for one another
/// (client operations, and commands with a way of their own to start in a block such as `remove`,
/// print their outcome when they complete).
extension Interpreter {
    func schedule(_ command: Command, at time: Micros, _ body: [Command]) throws(ScriptError) {
        guard time >= cluster.now else {
            throw ScriptError("at \(Durations.text(time)): that time has passed (now \(Durations.text(cluster.now)))",
                              at: command.range)
        }
        try checkValues(body)
        let index = blocks.count
        blocks.append(ScheduledBlock(time: time, command: command, body: body, iterations: iterations))
        if time == cluster.now {
            try startBlock(index)
            return
        }
        try attempt(command, []) { () throws(ClusterError) in
            try cluster.schedule(at: time) { [unowned self] in
                do throws(ScriptError) {
                    try self.startBlock(index)
                } catch {
                    if self.deferredError == nil { self.deferredError = error }
                }
            }
        }
    }

    /// Starts every command of the block; client operations print their outcome when they complete.
    private func startBlock(_ index: Int) throws(ScriptError) {
        blocks[index].started = true
        let saved = (iterations, recordingSuspended)
        iterations = blocks[index].iterations
        recordingSuspended = true
        defer { (iterations, recordingSuspended) = saved }
        for command in blocks[index].body {
            let declared = command.declared
            if let start = declared.declaration.behaviour.startInBlock {
                try start(self, command, declared.arguments)
            } else {
                announceInBlock(command)
                _ = try execute(command)
            }
        }
    }

    /// Prints a command of an `at` block as it starts, with the time.
    func announceInBlock(_ command: Command) {
        session.emit(.outcome, "[\(Formatting.time(cluster.now))] " + command.source(text))
    }
}
