@testable import Cluster

// Tests name nodes and endpoints by number; the core itself never makes one from a literal.
extension NodeID: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int32) { self.init(value) }
}

extension Endpoint: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int32) { self = value >= 0 ? Endpoint(NodeID(value)) : Endpoint(client: Int(-(value + 1))) }
}

// Ranges of nodes (`for n in 0..<nodes`) in tests of membership and rings.
extension NodeID: Strideable {
    public func distance(to other: NodeID) -> Int32 { other.raw - raw }
    public func advanced(by n: Int32) -> NodeID { NodeID(raw + n) }
}

extension ClientOpID: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int32) { self.init(value) }
}

extension CoordinatorOpID: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int32) { self.init(value) }
}

extension StreamID: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: UInt32) { self.init(value) }
}

extension KeyID: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: UInt32) { self.init(value) }
}

extension FieldID: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: UInt32) { self.init(value) }
}

extension ValueID: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: UInt32) { self.init(value) }
}

extension ActionID: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int32) { self.init(value) }
}
