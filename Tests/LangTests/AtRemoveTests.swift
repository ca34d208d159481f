import Testing
@testable import Lang

/// `remove` inside an `at` block starts the graceful leave and lets the block go on at once.
@Suite struct AtRemoveTests {
    /// The outcome line of `put k`, e.g. "[1.012s] put k: ok (n1, 2 acks)", and its time in seconds.
    private func putTime(_ output: String) -> Double? {
        for line in output.split(separator: "\n") where line.hasPrefix("[") && line.contains("] put k:") {
            let stamp = line.dropFirst().prefix { $0 != "]" }
            guard stamp.hasSuffix("s") else { continue }
            if stamp.hasSuffix("ms") { return Double(stamp.dropLast(2)).map { $0 / 1000 } }
            return Double(stamp.dropLast())
        }
        return nil
    }

    @Test func putAfterRemoveStartsAtTheBlocksTime() {
        let script = """
            add n1 n2 n3 n4
            repeat 20 { put user$i a=$i }
            at 1s {
              remove n3
              put k a=2
            }
            advance 10s
            expect get k a=2
            """
        let run = runScript(script)
        #expect(run.errors.isEmpty, "\(run.errors)")
        #expect(run.output.contains("[1s] remove n3\n"), "\(run.output)")
        #expect(run.output.contains("remove n3: handed off its ranges and streams, stopped"), "\(run.output)")
        let t = putTime(run.output)
        #expect(t != nil && t! < 1.1, "\(run.output)")
        #expect(run.failed == 0)
    }

    /// A campaign started while an `at` block's `remove` is pending (or under way) leaves that
    /// node alone: it would be gone before the campaign's faults reached it. A block scheduled in
    /// a `repeat` names the node as it will when it runs (`n$i` with i = 2 is n2).
    @Test(arguments: ["at 1s { remove n2 }", "at 0s { remove n2 }", "repeat 2 {\n  at 1s { remove n$i }\n}"])
    func chaosLeavesANodeBeingRemovedAlone(block: String) {
        let run = runScript("add n1 n2 n3 n4 n5\n\(block)\nchaos 30s\ncheck\n")
        #expect(run.errors.isEmpty, "\(run.errors)")
        #expect(run.failed == 0 && run.passed >= 1, "\(run.output)")
        let faultsOnN2 = run.output.split(separator: "\n").filter { line in
            line.hasPrefix("[") && !line.contains("remove n2") && line.split(separator: " ").contains { $0 == "n2" }
        }
        #expect(faultsOnN2.isEmpty, "\(faultsOnN2)")
    }

    @Test func removeOutcomePrintsWithItsTime() {
        let run = runScript("add n1 n2 n3\nrepeat 5 { put k$i a=$i }\nat 1s { remove n3 }\nadvance 5s\n")
        let line = run.output.split(separator: "\n").first { $0.contains("remove n3: handed off") }
        #expect(line?.hasPrefix("[1.") == true, "\(run.output)")
    }

    @Test func removeOfALeavingNodeIsAScriptError() {
        let run = runScript("add n1 n2 n3\nrepeat 5 { put k$i a=$i }\nat 1s {\n  remove n3\n  remove n3\n}\nadvance 5s\n")
        #expect(run.errors.contains("already leaving"), "\(run.errors)")
    }
}
