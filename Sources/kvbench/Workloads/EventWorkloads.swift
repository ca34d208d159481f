import Cluster
import HeapModule

/// `events`: the kernel's event loop against swift-collections `Heap` on the same schedule.
enum EventWorkloads {
    /// What the baseline heap orders: (time, insertion sequence), as the kernel does.
    struct Entry: Comparable {
        var time: Micros
        var seq: UInt64
        var id: Int32
        static func < (a: Entry, b: Entry) -> Bool { a.time != b.time ? a.time < b.time : a.seq < b.seq }
    }

    static func run(quick: Bool) throws -> [BenchRecord] {
        let events = quick ? 200_000 : 10_000_000
        return [1_000, 100_000].map { pending in record(pending: pending, events: events) }
    }

    static func record(pending: Int, events: Int) -> BenchRecord {
        let delays = EventQueueProbe.delays(count: pending + events, seed: 7)
        var checksum: UInt64 = 0
        let ours = Measure.seconds { checksum = EventQueueProbe.run(pending: pending, events: events, delays: delays) }
        var baselineChecksum: UInt64 = 0
        let baseline = Measure.seconds { baselineChecksum = heapBaseline(pending: pending, events: events, delays: delays) }
        var r = BenchRecord(name: "events", nodes: nil, keys: nil, ops: events)
        r["wall_s"] = .double(ours)
        r["ops_per_s"] = .double(Double(events) / ours)
        r["events_per_s"] = .double(Double(events) / ours)
        r["baseline"] = .string("swift-collections Heap<(time, seq)>")
        r["baseline_ops_per_s"] = .double(Double(events) / baseline)
        r["ratio"] = .double(baseline / ours)
        r["ns_per_op"] = .double(ours * 1e9 / Double(events))
        r["peak_rss_mb"] = .double(Measure.peakResidentMB())
        r["pending"] = .int(pending)
        r["same_order"] = .int(checksum == baselineChecksum ? 1 : 0)
        r["verified"] = r["same_order"]
        return r
    }

    /// The same schedule through `Heap`.
    static func heapBaseline(pending: Int, events: Int, delays: [Micros]) -> UInt64 {
        var heap = Heap<Entry>()
        var seq: UInt64 = 0
        for i in 0..<pending {
            heap.insert(Entry(time: delays[i], seq: seq, id: Int32(truncatingIfNeeded: i)))
            seq += 1
        }
        var checksum: UInt64 = 0
        var next = pending
        for _ in 0..<events {
            guard let e = heap.popMin() else { break }
            checksum = checksum &* 31 &+ UInt64(UInt32(bitPattern: e.id))
            heap.insert(Entry(time: e.time + delays[next], seq: seq, id: e.id))
            seq += 1
            next += 1
        }
        return checksum
    }
}
