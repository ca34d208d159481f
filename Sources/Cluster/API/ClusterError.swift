/// Why a cluster command cannot apply in the state it meets (docs/language.md: a script error at its line).
public struct ClusterError: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case alreadyInCluster      // add of a node already in the cluster
        case notInCluster          // never added, or removed
        case alreadyKilled
        case notKilled             // restart of a node that is not killed
        case notRunning            // pause of a node that is not running
        case notPaused             // resume of a node that is not paused
        case lastRunningNode       // remove of the last running node
        case alreadyLeaving        // remove of a node whose graceful leave is under way
        case noNodes               // a client operation on a cluster with no node
        case streamAlreadyOpen
        case streamNotOpen
        case streamDisconnected    // disconnect of a stream already disconnected
        case streamConnected       // reconnect of a stream that is connected
        case invalidPartition      // groups not disjoint, or empty
        case timeInPast            // `at` a time already past
        case unsupported           // not built yet: says plainly what is missing
    }
    public var kind: Kind
    /// The name the error is about (a node or stream), so the caller can point at its word.
    public var subject: String?
    public var message: String

    public init(_ kind: Kind, subject: String? = nil, _ message: String) {
        self.kind = kind
        self.subject = subject
        self.message = message
    }
}
