/// A field's value as the client sees it; fields are listed in name order unless said otherwise.
public struct FieldValue: Equatable, Hashable, Sendable {
    public var field: String
    public var value: String
    public init(_ field: String, _ value: String) {
        self.field = field
        self.value = value
    }
}

/// A client operation (docs/language.md, "Client operations").
public enum ClientRequest: Equatable, Sendable {
    /// Sparse update of the named fields.
    case put(key: String, fields: [FieldValue], via: String?)
    /// Read of the named fields (all fields when empty).
    case get(key: String, fields: [String], via: String?)
    /// Delete of the named fields, or of the whole object when `fields` is empty.
    case delete(key: String, fields: [String], via: String?)
}

/// How a client operation ended.
public enum ClientResult: Equatable, Sendable {
    /// A put or delete acknowledged by `write` replicas.
    case written(acks: Int, coordinator: String)
    /// A get answered by `read` replicas: the merged object's (selected) fields in name order,
    /// or nil when no object exists (absent, or every field deleted).
    case read(fields: [FieldValue]?, replies: Int, coordinator: String)
    /// The request timed out or could not reach enough replicas.
    case failed(reason: String)

    public var succeeded: Bool {
        if case .failed = self { return false }
        return true
    }
}

/// Identifies an operation submitted to the cluster; completion is observed through it.
public struct OperationID: Hashable, Sendable, Comparable {
    public var raw: Int
    public init(raw: Int) { self.raw = raw }
    public static func < (a: OperationID, b: OperationID) -> Bool { a.raw < b.raw }
}

/// A node's state as the ground truth knows it (never consulted by node logic).
public enum NodeState: String, Equatable, Sendable {
    case running, paused, killed
}

/// What `remove` did.
public enum RemoveOutcome: Equatable, Sendable {
    /// The node handed its ranges and streams off, then stopped.
    case handedOff
    /// Handoff could not finish within 60s: dropped as a killed node would be.
    case droppedAfterTimeout
    /// The node was killed or paused, so it was dropped at once.
    case dropped
}

/// A stream's view: the selected fields' current values, absent fields left out, in selection order.
public struct StreamView: Equatable, Sendable {
    public var stream: String
    public var sequence: Int
    public var key: String
    public var fields: [FieldValue]
    public init(stream: String, sequence: Int, key: String, fields: [FieldValue]) {
        self.stream = stream
        self.sequence = sequence
        self.key = key
        self.fields = fields
    }
}

/// Something the cluster reports as it happens, for the caller to print.
public enum ClusterEvent: Equatable, Sendable {
    /// A live-query view delivered to the client.
    case delivery(StreamView)
    /// A message-level line (send, deliver, drop), only while tracing is on.
    case trace(String)
}

/// A plain table for `show` commands; the caller formats it.
public struct Table: Equatable, Sendable {
    public var title: String
    public var headers: [String]
    public var rows: [[String]]
    public init(title: String, headers: [String], rows: [[String]]) {
        self.title = title
        self.headers = headers
        self.rows = rows
    }
}

/// Which clauses of *converged* (docs/language.md, "Converged") do not hold, in words; empty when converged.
public struct ConvergenceReport: Equatable, Sendable {
    public var unmet: [String]
    public var isConverged: Bool { unmet.isEmpty }
    public init(unmet: [String]) { self.unmet = unmet }
}
