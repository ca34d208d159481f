/// Drives the kernel's own event queue on a synthetic schedule, for the benchmark (`kvbench events`):
/// `pending` events stay queued; each popped event schedules one more at its time plus a delay drawn
/// from 1µs to 10ms, so the queue holds a realistic spread of times.
public enum EventQueueProbe {
    /// Runs `events` pops (and as many pushes) and returns a checksum of the order they came out in,
    /// so a baseline on the same schedule can be compared for equal work.
    /// `delays` (from `delays(count:seed:)`, `pending + events` of them) are drawn up front so that
    /// only the queue is timed.
    public static func run(pending: Int, events: Int, delays: [Micros]) -> UInt64 {
        var queue = EventQueue()
        for i in 0..<pending {
            queue.push(at: delays[i], .action(id: ActionID(Int32(truncatingIfNeeded: i))))
        }
        var checksum: UInt64 = 0
        var next = pending
        for _ in 0..<events {
            guard let event = queue.pop() else { break }
            if case .action(let id) = event.kind { checksum = checksum &* 31 &+ UInt64(UInt32(bitPattern: id.raw)) }
            queue.push(at: event.time + delays[next], event.kind)
            next += 1
        }
        return checksum
    }

    /// The same schedule's delays, for a baseline to replay: `pending` initial times, then one delay per event.
    public static func delays(count: Int, seed: UInt64) -> [Micros] {
        var random = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in Micros(random.below(10_000) + 1) }
    }
}
