import Testing
@testable import Cluster

/// Typed identifiers cost nothing: each is as big as the integer it wraps, and the values that
/// every event and message carry are no bigger than with bare integers.
@Suite struct LayoutTests {
    @Test func identifiersAreTheirIntegers() {
        #expect(MemoryLayout<NodeID>.size == MemoryLayout<Int32>.size)
        #expect(MemoryLayout<Endpoint>.size == MemoryLayout<Int32>.size)
    }

    @Test func eventsAndMessagesStaySmall() {
        print("layout: Event \(MemoryLayout<Event>.size) EventKind \(MemoryLayout<EventKind>.size) Message \(MemoryLayout<Message>.size) Payload \(MemoryLayout<Payload>.size) CoordinatorOp \(MemoryLayout<CoordinatorOp>.size) ClientOp \(MemoryLayout<ClientOp>.size) Registration \(MemoryLayout<Registration>.size) Hint \(MemoryLayout<Hint>.size) MemberEntry \(MemoryLayout<MemberEntry>.size) FieldRecord \(MemoryLayout<FieldRecord>.size) PendingReport \(MemoryLayout<PendingReport>.size)")
        // The sizes with bare integers (and -1 for "none"), before the identifiers were typed.
        #expect(MemoryLayout<Event>.size <= 29)
        #expect(MemoryLayout<Message>.size <= 57)
        #expect(MemoryLayout<MemberEntry>.size <= 24)
        #expect(MemoryLayout<FieldRecord>.size <= 20)
    }
}
