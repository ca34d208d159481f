/// What `check` knows of one stream instance: the view it started from and every view delivered,
/// with the version each selected field had in it (docs/language.md guarantees 1–3 are judged on this).
struct StreamLog {
    var name: String
    /// The index of the client that opened it (its operation ids are that client's).
    var client: Int
    var instance: StreamID
    var key: KeyID
    var fields: [FieldID]
    /// Client operations with an index from here on started after the stream returned.
    var firstFollowedOp: Int
    var start: LoggedView
    var deliveries: [LoggedView] = []
    var closed = false
    /// Client operation count when the stream was last disconnected or closed (nil: connected, open).
    var awaySince: Int?

    /// The last view the client holds: the last delivered, else the starting view.
    var last: LoggedView { deliveries.last ?? start }
}

/// One view as the client held it: values and effective versions of the selected fields, in selection order.
struct LoggedView {
    var sequence: Int
    var time: Micros
    var values: [ValueID?]
    /// The field's own stamp or the object tombstone, whichever is higher (a deleted field's version).
    var stamps: [Stamp]
}

extension Simulation {
    /// The effective versions of `fields` in `state`.
    func effectiveStamps(_ state: ObjectRecord, _ fields: [FieldID]) -> [Stamp] {
        fields.map { f in order.max(state.record(of: f)?.stamp ?? .zero, state.tomb) }
    }

    func logView(_ stream: StreamClient, values: [ValueID?]) -> LoggedView {
        LoggedView(sequence: stream.sequence, time: now, values: values, stamps: effectiveStamps(stream.state, stream.fields))
    }

    /// Called when `open` returns: the stream follows writes from here.
    func logStreamOpened(_ client: Client, _ stream: StreamClient, values: [ValueID?]) {
        streamLogIndex[stream.instance] = streamLogs.count
        streamLogs.append(StreamLog(name: stream.name, client: client.index, instance: stream.instance, key: stream.key,
                                    fields: stream.fields, firstFollowedOp: client.ops.count,
                                    start: logView(stream, values: values)))
    }

    func logDelivery(_ stream: StreamClient, values: [ValueID?]) {
        guard let i = streamLogIndex[stream.instance] else { return }
        streamLogs[i].deliveries.append(logView(stream, values: values))
    }

    func logStreamAway(_ client: Client, _ stream: StreamClient, closed: Bool) {
        guard let i = streamLogIndex[stream.instance] else { return }
        if streamLogs[i].awaySince == nil { streamLogs[i].awaySince = client.ops.count }
        if closed { streamLogs[i].closed = true }
    }

    func logStreamBack(_ stream: StreamClient) {
        guard let i = streamLogIndex[stream.instance] else { return }
        streamLogs[i].awaySince = nil
    }
}
