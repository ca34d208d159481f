import Testing
@testable import Cluster

@Suite struct ExampleScenarioTests {
    /// The live-query example of docs/language.md, through the API.
    @Test(arguments: TestSeeds.list([1, 2, 3, 7]))
    func languageExample(seed: UInt64) throws {
        let c = Cluster(seed: seed)
        let rec = Recorder()
        rec.attach(c)
        try c.add(["n1", "n2", "n3", "n4", "n5"])
        #expect(try c.put("Alice", [("accountType", "gold"), ("balance", "100"), ("name", "Alice")]).succeeded)
        let start = try c.openStream("s", key: "Alice", fields: ["balance"], initial: false)
        #expect(start == .read(fields: fv(("balance", "100")), replies: 2, coordinator: start.coordinatorName))
        #expect(try c.put("Alice", [("balance", "110")]).succeeded)
        #expect(try c.put("Alice", [("accountType", "platinum")]).succeeded)
        try c.settleStream("s")
        #expect(rec.take("s") == [fv(("balance", "110"))])
        try c.kill("n2", wipe: false)
        c.advance(by: 20_000_000)
        #expect(try c.put("Alice", [("balance", "121")]).succeeded)
        #expect(c.waitConverged(limit: 60_000_000), "\(c.convergence().unmet)")
        try c.settleStream("s")
        #expect(rec.take("s").last == fv(("balance", "121")))
        #expect(try c.get("Alice") == fv(("accountType", "platinum"), ("balance", "121"), ("name", "Alice")))
    }
}

extension ClientResult {
    var coordinatorName: String {
        switch self {
        case .written(_, let c), .read(_, _, let c): c
        case .failed: ""
        }
    }
}
