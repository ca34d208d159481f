import Testing
@testable import Cluster

@Suite struct IDWindowTests {
    /// Against a dictionary model: random appends and removals (mostly oldest-first, as requests
    /// end, some out of order) wrap the ring buffer round and grow it, and lookups, updates,
    /// removals and the id order agree with the model throughout.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func windowMatchesADictionary(seed: UInt64) {
        var random = Xoshiro256StarStar(seed: seed)
        var window = IDWindow(filler: [Int]())
        var model: [Int: [Int]] = [:]
        var issued = 0
        for step in 0..<6_000 {
            switch random.below(10) {
            case 0..<5:
                let id = window.append([step])
                #expect(id == issued)
                model[id] = [step]
                issued += 1
            case 5..<8:
                // Oldest first, mostly.
                guard let oldest = model.keys.min() else { continue }
                let id = random.below(4) == 0 ? Int(random.below(UInt64(issued) + 2)) : oldest
                #expect(window.remove(id) == model.removeValue(forKey: id))
            case 8:
                let id = Int(random.below(UInt64(issued) + 2)) - 1
                let bumped = window.update(id) { value -> Int in
                    value.append(1)
                    return value.count
                }
                if model[id] != nil { model[id]!.append(1) }
                #expect(bumped == model[id]?.count)
            default:
                let id = Int(random.below(UInt64(issued) + 2)) - 1
                #expect(window[id] == model[id])
                #expect(window.read(id) { $0.count } == model[id]?.count)
                #expect(window.contains(id) == (model[id] != nil))
            }
            #expect(window.count == model.count)
        }
        #expect(window.ids == model.keys.sorted())
        #expect(window.elements.map(\.element) == model.keys.sorted().map { model[$0]! })
        window.removeAll()
        #expect(window.isEmpty && window.ids.isEmpty)
        #expect(window.append([1]) == issued)
    }

    @Test func discardedIdsAreNeverFoundOrReused() {
        var window = IDWindow(filler: 0)
        let a = window.append(10), b = window.append(11)
        window.discard(a)
        window.discard(a)
        #expect(window[a] == nil && window[b] == 11 && window.count == 1)
        window.discard(b)
        #expect(window.isEmpty)
        #expect(window.append(12) == 2)
        #expect(window[b] == nil && window[2] == 12)
    }
}
