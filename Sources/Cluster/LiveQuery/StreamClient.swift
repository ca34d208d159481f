/// The client-side delivery point of one open stream. It merges every report (and the reads of
/// `open` and `reconnect`) by field stamp into `state`, and delivers a view only when the merged
/// VALUES of the selected fields differ from the last view delivered. Hence no duplicates, no
/// going back (stamps only rise), and convergence (the state ends at the highest stamps).
struct StreamClient {
    var name: String
    var instance: StreamID
    var key: KeyID
    var fields: [FieldID]
    /// Tombstone and selected fields' records, merged from everything heard.
    var state = ObjectRecord()
    /// Values of the last view delivered (or of the starting view); nil until the stream is open.
    var lastValues: [ValueID?]?
    var sequence = 0
    var connected = true
    /// The registration's epoch (raised by each reconnect).
    var epoch: UInt32 = 0
    /// While `reconnect` runs: merge what arrives, deliver at most one view at its end.
    var holding = false
    /// A reconnect's re-registration failed: registering again every `timeout` until one
    /// succeeds or a replica reports at the current epoch (see `startResync`).
    var resyncing = false
    /// The highest registration epoch a replica has reported holding.
    var reportedEpoch: UInt32 = 0

    /// The visible value of each selected field, in selection order.
    func values(_ order: StampOrder) -> [ValueID?] {
        fields.map { state.visibleValue($0, order) }
    }
}
