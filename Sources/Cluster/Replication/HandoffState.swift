/// A graceful leave in progress: each key, its new owners, and which of them acknowledged it.
struct HandoffState {
    struct Item {
        var key: KeyID
        var object: ObjectRecord
        var targets: [NodeID]
        var acked: [NodeID]
        /// Raised when more data of the key reaches the leaving node (acks name the version).
        var version: UInt32 = 0
    }
    var pending: [Item] = []
}
