/// Typed identifiers. Each wraps the integer the simulation has always used for it (same size,
/// same layout, no cost), so that the compiler keeps a key from standing in for a field, or a
/// client's operation id for a coordinator's. Where "none" is needed, it is an Optional, except
/// inside the structs that ride every event and message, whose size a spare tag byte would grow.

/// What every identifier is: its integer, compared and printed as that integer.
protocol RawID: Hashable, Comparable, CustomStringConvertible {
    associatedtype Raw: FixedWidthInteger
    var raw: Raw { get }
    init(_ raw: Raw)
}

extension RawID {
    static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }
    var description: String { "\(raw)" }
}

/// A node: 0, 1, 2, … in the order the simulation added it (its index in `Simulation.nodes`).
struct NodeID: RawID {
    var raw: Int32

    init(_ raw: Int32) { self.raw = raw }
    init(_ index: Int) { raw = Int32(truncatingIfNeeded: index) }

    var index: Int { Int(raw) }
}

/// One end of a message: a node (0, 1, 2, …, its `NodeID`) or a client (-1, -2, …).
struct Endpoint: Hashable, CustomStringConvertible {
    var raw: Int32

    init(_ node: NodeID) { raw = node.raw }
    init(client index: Int) { raw = -Int32(truncatingIfNeeded: index) - 1 }

    /// The node it is; nil for a client.
    var node: NodeID? { raw >= 0 ? NodeID(raw) : nil }
    /// The client index (0, 1, 2, …) it is; nil for a node.
    var client: Int? { raw < 0 ? Int(-(raw + 1)) : nil }
    var description: String { "\(raw)" }
}

/// A client's operation: 0, 1, 2, … in submission order (`ClientTable`).
struct ClientOpID: RawID {
    var raw: Int32

    init(_ raw: Int32) { self.raw = raw }
}

/// A coordinator's request: 0, 1, 2, … per node (`CoordinatorTable`).
struct CoordinatorOpID: RawID {
    var raw: Int32

    init(_ raw: Int32) { self.raw = raw }

    /// What a write stored where it can be, with too few replicas for its request, names: no
    /// request waits for its acknowledgement (found by no lookup). Not an Optional: that would
    /// grow every `Message` by 8 bytes.
    static let unasked = CoordinatorOpID(-1)
}

/// A stream report a replica sent: 0, 1, 2, … per node.
struct ReportID: RawID {
    var raw: Int32

    init(_ raw: Int32) { self.raw = raw }
}

/// A stream instance: 1, 2, … across clients (a name reopened after `close` is a new instance).
struct StreamID: RawID {
    var raw: UInt32

    init(_ raw: UInt32) { self.raw = raw }
}

/// A scheduled closure (`Simulation.scheduleAction`): 0, 1, 2, … in scheduling order.
struct ActionID: RawID {
    var raw: Int32

    init(_ raw: Int32) { self.raw = raw }
}

/// A key, as interned by `Simulation.keys`: 0, 1, 2, … in the order keys were first named.
struct KeyID: RawID {
    var raw: UInt32

    init(_ raw: UInt32) { self.raw = raw }

    /// Its index in per-key tables (`Simulation.keyPositions`).
    var index: Int { Int(raw) }
}

/// A field name, as interned by `Simulation.fields`.
struct FieldID: RawID {
    var raw: UInt32

    init(_ raw: UInt32) { self.raw = raw }
}

/// A value, as interned by `Simulation.values`; `tombstone` (id 0, never a string's) is a
/// deleted field's. Not an Optional: a `FieldRecord` stays 20 bytes.
struct ValueID: RawID {
    var raw: UInt32

    init(_ raw: UInt32) { self.raw = raw }

    static let tombstone = ValueID(0)
}

extension Interner {
    subscript(key: KeyID) -> String { self[key.raw] }
    subscript(field: FieldID) -> String { self[field.raw] }
    subscript(value: ValueID) -> String { self[value.raw] }
}

extension Array where Element == Node {
    /// Node `node` (every node ever added stays, by index).
    subscript(_ node: NodeID) -> Node {
        @inline(__always) get { self[node.index] }
    }
}
