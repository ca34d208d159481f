/// A stream report a replica sent and the client has not yet acknowledged.
struct PendingReport {
    var stream: UInt32
    /// The client endpoint the report goes to.
    var client: Int32
    var key: UInt32
    var object: ObjectRecord
}
