@testable import Cluster

// Tests name nodes, endpoints, keys, … by number; the core itself never makes an id from a literal.
extension RawID where Self: ExpressibleByIntegerLiteral, IntegerLiteralType == Raw {
    public init(integerLiteral value: Raw) { self.init(value) }
}

extension NodeID: ExpressibleByIntegerLiteral {}
extension Endpoint: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int32) { self = value >= 0 ? Endpoint(NodeID(value)) : Endpoint(client: Int(-(value + 1))) }
}

// Ranges of nodes (`for n in 0..<nodes`) in tests of membership and rings.
extension NodeID: Strideable {
    public func distance(to other: NodeID) -> Int32 { other.raw - raw }
    public func advanced(by n: Int32) -> NodeID { NodeID(raw + n) }
}

extension ClientOpID: ExpressibleByIntegerLiteral {}
extension CoordinatorOpID: ExpressibleByIntegerLiteral {}
extension StreamID: ExpressibleByIntegerLiteral {}
extension KeyID: ExpressibleByIntegerLiteral {}
extension FieldID: ExpressibleByIntegerLiteral {}
extension ValueID: ExpressibleByIntegerLiteral {}
extension ActionID: ExpressibleByIntegerLiteral {}
