/// A stream report a replica sent and the client has not yet acknowledged.
struct PendingReport {
    var stream: StreamID
    /// The client endpoint the report goes to.
    var client: Endpoint
    var key: KeyID
    var object: ObjectRecord
}
