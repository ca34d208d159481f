/// A graceful leave in progress: each key, its new owners, and which of them acknowledged it.
struct HandoffState {
    struct Item {
        var key: UInt32
        var object: ObjectRecord
        var targets: [Int32]
        var acked: [Int32]
    }
    var pending: [Item] = []
}
