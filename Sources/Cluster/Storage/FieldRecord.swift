/// One field of an object on one replica: field id, value id (`.tombstone`: deleted), stamp.
/// 20 bytes of payload; no String or Array inside, so a replica's data is flat.
struct FieldRecord: Equatable {
    var field: FieldID
    var value: ValueID
    var stamp: Stamp

    var isTombstone: Bool { value == .tombstone }
}

/// A live-query registration stored with its key's data (docs/language.md, "Live queries"): replicated,
/// repaired and moved exactly like the fields, and closed by a tombstone (`closed`).
struct Registration: Equatable {
    /// The stream instance (a name reopened after `close` gets a new instance).
    var stream: StreamID
    /// The client endpoint that registered it, where reports go.
    var client: Endpoint
    /// Selected field ids, in selection order.
    var fields: [FieldID]
    var closed: Bool
    /// Raised by `reconnect`: a replica that sees a higher epoch reports its current state again,
    /// so what the client dropped while away is re-sent reliably by every replica.
    var epoch: UInt32 = 0
}
