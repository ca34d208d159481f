import Testing
@testable import Cluster

/// The event queue's invariants (EventQueue+Invariants.swift, CalendarQueue+Invariants.swift):
/// random operations keep them after every step; corrupted queues are reported.
@Suite struct EventQueueInvariantTests {
    /// Used as the kernel uses it: events pushed now or later (deliveries within the calendar's
    /// window, timers beyond it, deadlines a constant delay ahead that sometimes changes), popped
    /// up to a time that moves forward, and advances; pops come out in (time, sequence) order.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func eventQueueKeepsItsInvariants(seed: UInt64) {
        var random = Xoshiro256StarStar(seed: seed)
        var q = EventQueue()
        var now: Micros = 0
        var deadline: Micros = 5_000
        var pending: [EventKey] = []  // the model: what the queue holds
        var seq: UInt64 = 0
        for step in 0..<4_000 {
            switch random.below(12) {
            case 0..<4:
                let time = now + random.between(0, random.below(4) == 0 ? 300 : 16_000)
                q.push(at: time, .action(id: ActionID(Int32(step))))
                pending.append(EventKey(time: time, seq: seq))
                seq += 1
            case 4:
                let time = now + random.between(20_000, 3_000_000)
                q.push(at: time, .action(id: ActionID(Int32(step))))
                pending.append(EventKey(time: time, seq: seq))
                seq += 1
            case 5:
                if random.below(20) == 0 { deadline = random.between(1_000, 40_000) }
                q.pushDeadline(at: now + deadline, .action(id: ActionID(Int32(step))))
                pending.append(EventKey(time: now + deadline, seq: seq))
                seq += 1
            case 6..<10:
                let limit = now + random.between(0, 2_000)
                let expected = pending.min().flatMap { $0.time <= limit ? $0 : nil }
                let event = q.pop(notAfter: limit)
                #expect(event.map(EventKey.init) == expected, "step \(step)")
                if let expected { pending.removeAll { $0 == expected } }
                if let event { now = max(now, event.time) }
            default:
                // As the kernel: only to a time nothing is due before.
                let to = min(now + random.between(0, 3_000), pending.min()?.time ?? .max)
                now = max(now, to)
                q.advance(to: now)
            }
            let found = q.invariantViolations()
            #expect(found.isEmpty, "step \(step): \(found)")
            if !found.isEmpty { return }
        }
        while let e = q.pop() {
            #expect(EventKey(e) == pending.min())
            pending.removeAll { $0 == EventKey(e) }
        }
        #expect(pending.isEmpty && q.invariantViolations().isEmpty)
    }

    /// A queue holding events in every store, for the corruption tests.
    func busyQueue() -> EventQueue {
        var q = EventQueue()
        for i in 0..<200 { q.push(at: Micros(i * 97 % 12_000), .action(id: ActionID(Int32(i)))) }  // calendar
        for i in 0..<20 { q.push(at: Micros(100_000 + i * 1_000), .action(id: ActionID(Int32(i)))) }  // heap
        for i in 0..<20 { q.pushDeadline(at: Micros(50_000 + i), .action(id: ActionID(Int32(i)))) }  // lane
        for _ in 0..<50 { _ = q.pop() }  // opens blocks
        q.push(at: 2_600, .action(id: 0))  // late
        return q
    }

    @Test func corruptedEventQueuesAreReported() {
        #expect(busyQueue().invariantViolations().isEmpty)

        var wrongHead = busyQueue()
        wrongHead.otherHead = EventKey(time: 1, seq: 0)
        #expect(wrongHead.invariantViolations().contains { $0.hasPrefix("otherHead") })

        // The queue's stores, on their own.
        var heap = EventHeap()
        for i in 0..<30 { heap.push(Event(time: Micros(i * 7 % 11), seq: UInt64(i), kind: .action(id: 0))) }
        #expect(heap.invariantViolations().isEmpty)
        heap.items.swapAt(0, heap.items.count - 1)
        #expect(heap.invariantViolations().contains { $0.hasPrefix("order") })

        var calendar = CalendarQueue()
        for i in 0..<100 { calendar.push(Event(time: Micros(300 + i * 37 % 5_000), seq: UInt64(i), kind: .action(id: 0))) }
        _ = calendar.popFirst(before: .none, notAfter: .max)
        #expect(calendar.invariantViolations().isEmpty)
        calendar.occupied ^= 1 << 60
        #expect(calendar.invariantViolations().contains { $0.contains("occupied bit 60") })

        // The kernel's contract broken: the clock advanced past events still waiting. The
        // calendar then holds them in blocks behind its open one.
        var skipped = EventQueue()
        for i in 0..<10 { skipped.push(at: Micros(1_000 + i), .action(id: ActionID(Int32(i)))) }
        skipped.advance(to: 5_000)
        let found = skipped.invariantViolations()
        #expect(found.contains { $0.hasPrefix("calendar block span") })
        #expect(found.contains { $0.contains("earlier than the time popped or advanced to") })
    }
}
