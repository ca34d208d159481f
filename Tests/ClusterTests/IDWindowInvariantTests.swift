import Testing
@testable import Cluster

/// Id windows' invariants (IDWindow+Invariants.swift): random operations keep them after every
/// step; corrupted windows are reported.
@Suite struct IDWindowInvariantTests {
    /// Appends and removals (mostly oldest first, some out of order, some of ids long gone),
    /// and now and then everything forgotten: every invariant after every step, in the window and
    /// in a coordinator's table over it.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func idWindowsKeepTheirInvariants(seed: UInt64) {
        var random = Xoshiro256StarStar(seed: seed)
        var window = IDWindow(filler: -1)
        var table = CoordinatorTable()
        var held: [Int] = []
        for step in 0..<3_000 {
            switch random.below(20) {
            case 0..<10:
                held.append(window.append(step))
                _ = table.insert(CoordinatorOp(client: 0, clientOp: ClientOpID(Int32(step)), key: 0, needed: 1, targetCount: 1))
            case 10..<18:
                guard !held.isEmpty else { continue }
                let k = random.below(4) == 0 ? Int(random.below(UInt64(held.count))) : 0
                let id = held.remove(at: k)
                #expect(window.remove(id) != nil)
                table.discard(CoordinatorOpID(Int32(id)))
            case 18:
                window.discard(Int(random.below(UInt64(window.nextID) + 5)) - 2)
                held = window.ids
            default:
                if random.below(10) == 0 {
                    window.removeAll()
                    table.removeAll()
                    held = []
                }
            }
            let found = window.invariantViolations() + table.invariantViolations()
            #expect(found.isEmpty, "step \(step): \(found)")
            if !found.isEmpty { return }
        }
    }

    /// A window of ids 0..<40 with some of them removed, wrapped round its storage.
    func someWindow() -> IDWindow<Int> {
        var window = IDWindow(filler: -1)
        for i in 0..<40 { _ = window.append(i) }
        for i in 0..<30 { window.discard(i) }
        for i in 40..<60 { _ = window.append(i) }
        window.discard(35)
        return window
    }

    @Test func corruptedIDWindowsAreReported() {
        #expect(someWindow().invariantViolations().isEmpty)

        var shortWindow = someWindow()
        shortWindow.used -= 1
        #expect(shortWindow.invariantViolations().contains { $0.hasPrefix("ids: base") })

        // The window moved past its oldest held id: ids and counts still add up, the flags not.
        var skipped = someWindow()
        skipped.head = (skipped.head + 1) & (skipped.storage.count - 1)
        skipped.base += 1
        skipped.used -= 1
        #expect(skipped.invariantViolations(thorough: false).isEmpty)
        #expect(skipped.invariantViolations().contains { $0.hasPrefix("held flags") })

        var notHeld = someWindow()
        notHeld.head = (notHeld.head + 5) & (notHeld.storage.count - 1)  // at the removed id 35
        notHeld.base += 5
        notHeld.used -= 5
        #expect(notHeld.invariantViolations(thorough: false).contains { $0.hasPrefix("window: the first slot") })
    }
}
