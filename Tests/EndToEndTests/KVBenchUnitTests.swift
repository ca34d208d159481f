import Testing
@testable import kvbench

/// The put driver's keys and values are written byte by byte: they must read as interpolation would.
@Suite struct PutDriverWordTests {
    @Test(arguments: [0, 7, 9, 10, 99, 100, 12_345, 999_999, 1_000_000, 123_456_789_012])
    func wordsReadAsInterpolated(_ n: Int) {
        #expect(PutDriver.word("k", n) == "k\(n)")
    }

    @Test func keysAndFieldsAreTheBenchmarksOwn() {
        #expect(PutDriver.keyName(42) == "k42")
        #expect(PutDriver.fields(1_000) == [.init("a", "a0"), .init("b", "b3"), .init("c", "c9")])
    }
}

/// kvbench fails the run when a workload's result does not check out.
@Suite struct BenchVerificationTests {
    static func record(_ name: String, _ fields: [(String, BenchRecord.Value)]) -> BenchRecord {
        var r = BenchRecord(name: name, nodes: nil, keys: nil, ops: nil)
        for (key, value) in fields { r[key] = value }
        return r
    }

    @Test func unverifiedOrFailedWorkloadsAreNamedOnce() {
        let records = [
            Self.record("puts", [("verified", .int(1))]),
            Self.record("join", [("verified", .int(0))]),
            Self.record("join", [("verified", .int(0))]),
            Self.record("sweep", [("error", .string("workload exited with status 1"))]),
            Self.record("ring-join", []),  // a figure for the record: nothing to verify
        ]
        #expect(KVBench.unverified(records) == ["join", "sweep"])
        #expect(KVBench.unverified([records[0], records[4]]).isEmpty)
    }
}
