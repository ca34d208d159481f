/// Messages in flight, named by slot. A message is moved in when sent and moved out when it
/// arrives: no copy of its payload, so no retain or release of the objects it carries, and no
/// check of what a slot held before (an array of optionals pays both on every store).
final class MessageSlab {
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<Message>
    @exclusivity(unchecked) private var live: UnsafeMutablePointer<Bool>
    @exclusivity(unchecked) private var capacity: Int
    /// Slots ever used: `0..<end`; those not live are in `free`.
    @exclusivity(unchecked) private var end = 0
    @exclusivity(unchecked) private var free: [Int32] = []

    init() {
        capacity = 64
        base = .allocate(capacity: capacity)
        live = .allocate(capacity: capacity)
        live.initialize(repeating: false, count: capacity)
    }

    deinit {
        for i in 0..<end where live[i] { (base + i).deinitialize(count: 1) }
        base.deallocate()
        live.deallocate()
    }

    func store(_ message: consuming Message) -> Int32 {
        let slot: Int
        if let reused = free.popLast() {
            slot = Int(reused)
        } else {
            if end == capacity { grow() }
            slot = end
            end += 1
        }
        (base + slot).initialize(to: message)
        live[slot] = true
        return Int32(truncatingIfNeeded: slot)
    }

    /// The message in `slot`, moved out; nil when the slot holds none.
    func take(_ slot: Int32) -> Message? {
        let i = Int(slot)
        guard i >= 0, i < end, live[i] else { return nil }
        live[i] = false
        free.append(slot)
        return (base + i).move()
    }

    private func grow() {
        let bigger = capacity * 2
        let newBase = UnsafeMutablePointer<Message>.allocate(capacity: bigger)
        let newLive = UnsafeMutablePointer<Bool>.allocate(capacity: bigger)
        newLive.initialize(repeating: false, count: bigger)
        for i in 0..<end where live[i] {
            (newBase + i).moveInitialize(from: base + i, count: 1)
            newLive[i] = true
        }
        base.deallocate()
        live.deallocate()
        base = newBase
        live = newLive
        capacity = bigger
    }
}
