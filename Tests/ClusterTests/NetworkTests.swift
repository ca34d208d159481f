import Testing
@testable import Cluster

/// The `Network` type on its own: what it decides for a message, with no simulation around it.
@Suite struct NetworkTests {
    func network(seed: UInt64 = 7) -> Network { Network(random: RandomStreams(seed: seed).network) }

    /// Delays fall in the latency range; a link never lets a message overtake an earlier one;
    /// every message is counted as sent.
    @Test func departuresStayInRangeAndKeepLinkOrder() {
        var n = network()
        var last: Micros = 0
        for i in 0..<500 {
            guard case .arrives(let at) = n.depart(.repair, from: 0, to: 1, now: Micros(i), latency: 1_000...10_000, lossPPM: 0) else {
                Issue.record("lost without loss")
                return
            }
            #expect(at >= Micros(i) + 1_000)
            #expect(at >= last)
            last = at
        }
        #expect(n.stats.totalSent == 500 && n.stats.totalDropped == 0)
    }

    /// Loss is drawn per message at the configured rate, from the network's own stream: the same
    /// seed loses the same messages.
    @Test func lossFollowsTheRateAndTheSeed() {
        func losses(_ seed: UInt64) -> [Bool] {
            var n = network(seed: seed)
            return (0..<10_000).map { _ in
                if case .lost = n.depart(.gossip, from: 1, to: 2, now: 0, latency: 1...1, lossPPM: 100_000) { return true }
                return false
            }
        }
        let a = losses(1)
        #expect(a == losses(1))
        #expect(a != losses(2))
        let rate = Double(a.filter { $0 }.count) / Double(a.count)
        #expect(rate > 0.08 && rate < 0.12, "lost \(rate)")
    }

    /// At arrival: a client always receives; a killed or removed node loses; a partition or an
    /// isolation cuts links between nodes only; a paused node keeps the message waiting.
    @Test func arrivalsAreJudgedByReceiverAndPartition() {
        var n = network()
        let m = Message(from: 0, to: 1, payload: .writeAck(op: 0))
        #expect(fate(n.arrive(m, at: .running)) == "deliver")
        #expect(fate(n.arrive(m, at: .paused)) == "wait")
        #expect(fate(n.arrive(m, at: .killed)) == "drop killed")
        #expect(fate(n.arrive(m, at: .removed)) == "drop removed")
        n.partition([0: 1, 1: 2])
        #expect(fate(n.arrive(m, at: .running)) == "drop partition")
        #expect(fate(n.arrive(Message(from: 0, to: Endpoint(client: 0), payload: .writeAck(op: 0)), at: .client)) == "deliver")
        n.heal()
        n.isolate(1)
        #expect(fate(n.arrive(m, at: .paused)) == "drop partition")
        n.forget(1)
        #expect(fate(n.arrive(m, at: .running)) == "deliver")
        #expect(n.stats.totalDelivered == 3 && n.stats.totalDropped == 4)
    }

    private func fate(_ a: Network.Arrival) -> String {
        switch a {
        case .deliver: "deliver"
        case .wait: "wait"
        case .drop(let why): "drop \(why)"
        }
    }
}
