/// A client operation in the client's table.
struct ClientOp {
    enum Request {
        case put(key: KeyID, fields: [(field: FieldID, value: ValueID)])
        case get(key: KeyID, fields: [FieldID])
        case delete(key: KeyID, fields: [FieldID])
        /// Stores (or closes) a stream registration with the key's replicas.
        case register(key: KeyID, registration: Registration)

        var key: KeyID {
            switch self {
            case .put(let k, _), .get(let k, _), .delete(let k, _), .register(let k, _): k
            }
        }
        var isRead: Bool { if case .get = self { return true }; return false }
        var isRegistration: Bool { if case .register = self { return true }; return false }
    }
    var request: Request
    var coordinator: NodeID?
    var result: ClientResult?
    /// For reads: the merged object with its stamps (streams need them).
    var object: ObjectRecord?
    /// For acknowledged puts and deletes: the version the coordinator stamped.
    var stamp: Stamp?
    var completion: ((ClientResult) -> Void)?
    /// Submitted with a completion callback (kept after the callback is cleared).
    var hadCallback = false
}
