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

/// A workload against another run beside it (`streams` against `puts`, `puts` against `floor`):
/// the median of pairs of runs, each pair's ratio listed.
@Suite struct StreamsPairingTests {
    @Test func theMedianPairIsKeptWithEveryPairsRatio() throws {
        var nsPerPut = [1000.0, 1500, 1000, 1100, 2000, 2400]  // puts, streams, puts, streams, …
        let paired = PutWorkloads.paired("streams", against: "puts", field: "slowdown_vs_puts", pairs: 3) { name in
            let ns = nsPerPut.removeFirst()
            return [BenchVerificationTests.record(name, [("ns_per_op", .double(ns)), ("verified", .int(1))])]
        }
        let record = try #require(paired)
        #expect(record.name == "streams")
        #expect(record.number("slowdown_vs_puts") == 1.2)
        #expect(record.number("ns_per_op") == 2400)  // the median pair's own streams run
        #expect(record["runs"].map(BenchTable.cell) == "1.5 1.1 1.2")
        #expect(record.number("verified") == 1)
    }

    @Test func putsAreJudgedAgainstFloor() throws {
        var nsPerPut = [500.0, 1500, 400, 1400, 600, 1200]  // floor, puts, floor, puts, …
        let paired = PutWorkloads.paired("puts", against: "floor", field: "slowdown_vs_floor", pairs: 3) { name in
            [BenchVerificationTests.record(name, [("ns_per_op", .double(nsPerPut.removeFirst())), ("verified", .int(1))])]
        }
        let record = try #require(paired)
        #expect(record.name == "puts" && record.number("slowdown_vs_floor") == 3)
        #expect(record["runs"].map(BenchTable.cell) == "3 3.5 2")
        if case .paired(let base, let field, _) = KVBench.plan(of: "puts", quick: false) {
            #expect(base == "floor" && field == "slowdown_vs_floor")
        } else {
            Issue.record("puts is not paired with floor")
        }
    }

    @Test func aFailedRunFailsThePairing() throws {
        var runs = 0
        let paired = PutWorkloads.paired("streams", against: "puts", field: "slowdown_vs_puts", pairs: 3) { name in
            runs += 1
            return [BenchVerificationTests.record(name, [("ns_per_op", .double(1000)), ("verified", .int(runs == 4 ? 0 : 1))])]
        }
        #expect(try #require(paired).number("verified") == 0)
    }
}

/// A puts record beside the dictionary baseline: the peak memory is the workload's own (read by
/// the caller before the baseline runs), and the ratio compares the two timings.
@Suite struct BaselineRecordTests {
    @Test func thePeakIsTheCallersAndTheRatioComparesTimings() throws {
        let r = DictionaryBaseline.record(name: "floor", nodes: 3, keys: 2_000, ops: 2_000, wall: 1e-3, peakMB: 12.5)
        #expect(r.number("peak_rss_mb") == 12.5)
        #expect(r.number("ns_per_op") == 500)
        let baseline = try #require(r.number("baseline_ops_per_s")), ratio = try #require(r.number("ratio"))
        // the baseline took keys / baseline_ops_per_s seconds; the ratio is that over our 1 ms
        #expect(abs(ratio - 2_000 / baseline / 1e-3) < 1e-9 * ratio)
    }
}
