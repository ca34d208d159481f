import Testing
@testable import Cluster

@Suite struct KernelTests {
    @Test func heapPopsInTimeOrder() {
        var q = EventQueue()
        var rng = Xoshiro256StarStar(seed: 9)
        var times: [Micros] = []
        for i in 0..<500 {
            let t = rng.between(0, 1000)
            times.append(t)
            q.push(at: t, .action(id: ActionID(Int32(i))))
        }
        var popped: [Micros] = []
        while let e = q.pop() { popped.append(e.time) }
        #expect(popped == times.sorted())
    }

    @Test func equalTimesPopInInsertionOrder() {
        var q = EventQueue()
        for i in 0..<100 { q.push(at: Micros(i % 3), .action(id: ActionID(Int32(i)))) }
        var ids: [Int32] = []
        while let e = q.pop() { if case .action(let id) = e.kind { ids.append(id.raw) } }
        let expected = (0..<100).filter { $0 % 3 == 0 } + (0..<100).filter { $0 % 3 == 1 } + (0..<100).filter { $0 % 3 == 2 }
        #expect(ids == expected.map { Int32($0) })
    }

    /// The kernel hands out events in order, moves its clock to each (never back), counts them,
    /// and stops at the time asked for; an event scheduled in the past runs now.
    @Test func kernelRunsEventsInOrderAndOnlyMovesForward() {
        var k = Kernel()
        k.schedule(.action(id: 1), at: 30)
        k.schedule(.action(id: 2), at: 10)
        k.scheduleDeadline(.action(id: 3), after: 20)
        var seen: [(Micros, Int32)] = []
        while let e = k.next(notAfter: 25) { if case .action(let id) = e.kind { seen.append((k.now, id.raw)) } }
        #expect(seen.map(\.0) == [10, 20] && seen.map(\.1) == [2, 3])
        k.advance(to: 25)
        #expect(k.now == 25 && k.eventsRun == 2 && k.pending == 1)
        k.advance(to: 5)
        #expect(k.now == 25)
        k.schedule(.action(id: 4), at: 0)
        #expect(k.nextTime == 25)
        let next = k.next(notAfter: .max)
        if case .action(let id)? = next?.kind { #expect(id == 4) } else { Issue.record("expected action 4, got \(String(describing: next))") }
    }

    @Test func prngIsDeterministicPerSeedAndStream() {
        var a = RandomStreams(seed: 42).network, b = RandomStreams(seed: 42).network, c = RandomStreams(seed: 43).network
        let xa = (0..<5).map { _ in a.next() }
        let xb = (0..<5).map { _ in b.next() }
        let xc = (0..<5).map { _ in c.next() }
        #expect(xa == xb)
        #expect(xa != xc)
        var timers = RandomStreams(seed: 42).timers, network = RandomStreams(seed: 42).network
        #expect(timers.next() != network.next())
    }

    @Test func splitMixKnownValue() {
        // Reference output of SplitMix64 seeded with 0 (first value).
        var s = SplitMix64(state: 0)
        #expect(s.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func boundedDrawsStayInRange() {
        var r = Xoshiro256StarStar(seed: 1)
        for _ in 0..<1000 {
            let v = r.between(1000, 10_000)
            #expect(v >= 1000 && v <= 10_000)
        }
        #expect(r.chance(ppm: 0) == false)
        #expect(r.chance(ppm: 1_000_000) == true)
    }

    @Test func internerIsDenseAndStable() {
        let i = Interner(reserveZero: true)
        #expect(i.intern("a") == 1)
        #expect(i.intern("b") == 2)
        #expect(i.intern("a") == 1)
        #expect(i[UInt32(2)] == "b")
        #expect(i.lookup("c") == nil)
    }

    /// Key positions are taken from the interner's hash of the key's bytes: it must be the ring's.
    @Test func internerByteHashGivesTheRingPosition() {
        for reserveZero in [false, true] {
            let i = Interner(reserveZero: reserveZero)
            for key in ["", "k1", "user:42", "é", "e\u{301}", "🙂 key", String(repeating: "x", count: 300)] {
                let id = i.intern(key)
                #expect(StableHash.position(ofByteHash: i.byteHash(of: id)) == StableHash.position(ofKey: key), "\(key)")
            }
        }
        #expect(StableHash.position(ofByteHash: Interner(reserveZero: true).byteHash(of: 0)) == StableHash.position(ofKey: ""))
    }

    @Test func internerKeepsIdsThroughGrowthAndNeverFindsTheReservedZero() {
        let i = Interner(reserveZero: true)
        let ids = (0..<10_000).map { i.intern("key-\($0)") }
        #expect(ids == (1...10_000).map { UInt32($0) })
        for n in stride(from: 0, to: 10_000, by: 97) {
            #expect(i.intern("key-\(n)") == UInt32(n + 1))
            #expect(i.lookup("key-\(n)") == UInt32(n + 1))
            #expect(i[UInt32(n + 1)] == "key-\(n)")
        }
        #expect(i.lookup("") == nil)
        #expect(i.intern("") == 10_001)
        #expect(i.intern("é") != i.intern("e\u{301}") || "é" == "e\u{301}")
    }

    @Test func deadlinesInterleaveWithEventsInTimeThenSequenceOrder() {
        var q = EventQueue()
        q.pushDeadline(at: 100, .action(id: 1))
        q.push(at: 50, .action(id: 2))
        q.push(at: 100, .action(id: 3))
        q.pushDeadline(at: 100, .action(id: 4))
        q.pushDeadline(at: 90, .action(id: 5))  // earlier than the lane's last: goes to the heap
        q.pushDeadline(at: 200, .action(id: 6))
        q.push(at: 150, .action(id: 7))
        var order: [Int32] = []
        while let e = q.pop() {
            if case .action(let id) = e.kind { order.append(id.raw) }
        }
        #expect(order == [2, 5, 1, 3, 4, 7, 6])
        let drained = q.isEmpty  // the queue is not copyable: #expect takes plain values
        #expect(drained)
    }

    /// The queue (wheel, heap and deadline lane) against a plain sort by (time, sequence), with
    /// events pushed as a simulation does: never before the last popped time, often at the same
    /// time, some far beyond the wheel's window, deadlines a fixed delay ahead, and the clock
    /// sometimes run ahead to a time with nothing due.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func queueOrderIsTimeThenInsertion(seed: UInt64) {
        var random = Xoshiro256StarStar(seed: seed)
        var q = EventQueue()
        var model: [(time: Micros, id: Int32)] = []
        var now: Micros = 0
        var next: Int32 = 0
        var popped: [Int32] = [], expected: [Int32] = []
        for _ in 0..<50_000 {
            let roll = random.below(10)
            if roll < 6 || model.isEmpty {
                let delay: Micros = switch random.below(5) {
                case 0: 0
                case 1: Micros(random.below(50_000) + 16_000)  // beyond the wheel
                default: Micros(random.below(10_000))
                }
                let time = random.below(8) == 0 ? now + 1_000_000 : now + delay
                if time == now + 1_000_000 {
                    q.pushDeadline(at: time, .action(id: ActionID(next)))
                } else {
                    q.push(at: time, .action(id: ActionID(next)))
                }
                // The model stays sorted by (time, id): ids rise, so a new event goes after
                // every event at its time.
                var lo = 0, hi = model.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if model[mid].time <= time { lo = mid + 1 } else { hi = mid }
                }
                model.insert((time, next), at: lo)
                next += 1
            } else if roll == 9 {
                // The clock runs ahead to a time before the next event (a run to a time).
                let t = min(model[0].time, now + Micros(random.below(40_000)))
                q.advance(to: t)
                now = t
            } else {
                guard let e = q.pop() else { Issue.record("queue empty early"); return }
                now = e.time
                if case .action(let id) = e.kind { popped.append(id.raw) }
                expected.append(model.removeFirst().id)
            }
        }
        #expect(popped == expected)
        let left = q.count
        #expect(left == model.count)
    }

    /// Crowded calendar blocks (sorted by counting, not insertion), many events at one time,
    /// pushes into the open block and far beyond the window, checked against a sort by
    /// (time, insertion).
    @Test func crowdedQueueKeepsTimeThenInsertionOrder() {
        var random = Xoshiro256StarStar(seed: 11)
        var q = EventQueue()
        var pending: [(time: Micros, id: Int32)] = []
        var next: Int32 = 0
        func push(_ time: Micros) {
            q.push(at: time, .action(id: ActionID(next)))
            pending.append((time, next))
            next += 1
        }
        for _ in 0..<20_000 { push(random.below(4) == 0 ? 700 : Micros(random.below(3_000))) }
        var popped: [(time: Micros, id: Int32)] = []
        while let e = q.pop() {
            guard case .action(let id) = e.kind else { continue }
            popped.append((e.time, id.raw))
            if next < 60_000 {
                let delay: Micros = switch random.below(4) {
                case 0: 0
                case 1: Micros(random.below(300))
                case 2: Micros(random.below(100_000))
                default: Micros(random.below(16_000))
                }
                push(e.time + delay)
            }
        }
        let expected = pending.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        #expect(popped.map(\.id) == expected.map(\.id))
        #expect(popped.map(\.time) == expected.map(\.time))
    }

    @Test func popNotAfterLeavesLaterEvents() {
        var q = EventQueue()
        q.push(at: 20_000, .action(id: 1))
        q.push(at: 500, .action(id: 2))
        let early = q.pop(notAfter: 499)
        let next = q.nextTime
        #expect(early == nil)
        #expect(next == 500)
        if case .action(let id)? = q.pop(notAfter: 500)?.kind { #expect(id == 2) } else { Issue.record("no event") }
        let beforeLast = q.pop(notAfter: 19_999)
        let left = q.count
        #expect(beforeLast == nil && left == 1)
    }

    @Test func coordinatorTableFindsLiveRequestsOnlyAndNeverReusesIds() {
        var t = CoordinatorTable()
        func op(_ n: Int32) -> CoordinatorOp {
            CoordinatorOp(client: -1, clientOp: ClientOpID(n), key: 0, needed: 1, targetCount: 1)
        }
        let a = t.insert(op(10)), b = t.insert(op(11)), c = t.insert(op(12))
        #expect([a, b, c] == [0, 1, 2])
        #expect(t.remove(b)?.clientOp == 11)
        #expect(t.remove(b) == nil)
        #expect(t.update(c) { $0.acks += 1; return $0.acks } == 1)
        #expect(t.update(b) { $0.acks } == nil)
        #expect(t[b] == nil)
        #expect(t.ids == [0, 2])
        t.remove(a)
        #expect(t.ids == [2])
        #expect(t[a] == nil && t[c]?.clientOp == 12)
        let d = t.insert(op(13))
        #expect(d == 3 && t.count == 2)
        t.removeAll()
        #expect(t.isEmpty && t[c] == nil)
        #expect(t.insert(op(14)) == 4)
        #expect(t[-5] == nil && t[99] == nil)
    }

    @Test func scheduleInThePastIsAnError() throws {
        let c = Cluster()
        c.advance(by: 1_000_000)
        #expect(throws: ClusterError.self) { try c.schedule(at: 500_000) {} }
        var ran = false
        try c.schedule(at: 2_000_000) { ran = true }
        #expect(c.pendingScheduledActions == 1)
        c.advance(by: 999_999)
        #expect(!ran)
        c.advance(by: 1)
        #expect(ran)
        #expect(c.pendingScheduledActions == 0)
    }
}

@Suite struct ChaosStreamTests {
    @Test func chaosDrawsDoNotShiftNetworkDelays() throws {
        func trace(drawChaos: Bool) throws -> [String] {
            let c = Cluster(seed: 11)
            var lines: [String] = []
            c.tracing = true
            c.onEvent = { if case .trace(let t) = $0 { lines.append(t) } }
            try c.add(["a", "b", "c"])
            if drawChaos { for _ in 0..<50 { _ = c.chaosDraw(below: 7) } }
            _ = try c.perform(.put(key: "k", fields: [FieldValue("f", "1")], via: nil))
            c.advance(by: 2_000_000)
            return lines
        }
        #expect(try trace(drawChaos: true) == trace(drawChaos: false))
        let c = Cluster(seed: 11), d = Cluster(seed: 11)
        #expect((0..<10).map { _ in c.chaosDraw(below: 100) } == (0..<10).map { _ in d.chaosDraw(below: 100) })
        #expect(c.chaosDraw(below: 0) == 0)
    }
}

/// `recordsHistory` off: operations with callbacks are forgotten once completed, performed ones
/// once their outcome is read; those submitted without a callback stay to be asked for.
@Suite struct ClientHistoryTests {
    @Test func withoutHistoryCompletedCallbackOperationsAreForgotten() throws {
        let c = Cluster(seed: 1)
        try c.add(["n1", "n2", "n3"])
        c.advance(by: 2_000_000)
        c.recordsHistory = false
        var done: [ClientResult] = []
        let ids = try (0..<50).map { i in
            try c.submit(.put(key: "k\(i)", fields: [FieldValue("f", "v\(i)")], via: nil)) { done.append($0) }
        }
        c.advance(by: 1_000_000)
        #expect(done.count == 50 && done.allSatisfy(\.succeeded))
        #expect(ids.allSatisfy { c.result(of: $0) == nil })
        let waited = try c.submit(.get(key: "k7", fields: [], via: nil))
        c.advance(by: 1_000_000)
        #expect(c.result(of: waited)?.succeeded == true)
        let held = c.sim.client.ops.held
        for i in 0..<20 {  // a performed operation is forgotten once its outcome is read
            #expect(try c.perform(.get(key: "k\(i)", fields: [], via: nil)).succeeded)
        }
        #expect(c.sim.client.ops.held == held)
        c.recordsHistory = true
        #expect(try c.perform(.get(key: "k7", fields: [], via: nil)).succeeded)
        #expect(c.sim.client.ops.held == held + 1)
        let kept = try c.submit(.put(key: "k1", fields: [FieldValue("f", "w")], via: nil)) { _ in }
        c.advance(by: 1_000_000)
        #expect(c.result(of: kept)?.succeeded == true)
    }
}
