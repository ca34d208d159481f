#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How script mode reports and splits its runs (`--json`, `--junit`, `--shard`, `--fail-fast`,
/// `--jobs`), and the progress line when stderr is a terminal.
struct SweepOptions: Sendable {
    var json = false
    var junitPath: String?
    var shard: Shard?
    var failFast = false
    /// Runs at once in a sweep.
    var jobs = SweepOptions.processorCount
    var progress: ProgressLine?

    /// The processors online (at least 1), the default of `--jobs`.
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// The report lines of one run as it prints (a single run's output is not captured).
final class RunNotes {
    var record: RunRecord

    init(path: String, seed: UInt64, replay: String) {
        record = RunRecord(path: path, seed: seed, result: .notStarted, replay: replay, seconds: 0)
    }
}

extension ScriptSweep {
    /// The seeds of `range` this job runs: all of them, or its `--shard`'s part (nil: none).
    func sweptSeeds(of range: ClosedRange<UInt64>) -> ClosedRange<UInt64>? {
        guard let shard = options.shard else { return range }
        return shard.seeds(of: range)
    }

    /// The seeds a report names: `7`, `1..200`, or a shard's part of them.
    var seedsText: String {
        switch seeds {
        case .single(let seed): return "\(seed)"
        case .sweep(let range):
            guard let part = sweptSeeds(of: range) else { return "none" }
            return "\(part.lowerBound)..\(part.upperBound)"
        }
    }

    /// `shard 2/4: seeds 251..500 of 1..1000`, `shard 3/3: seed 2 of 1..2`, or that it has none.
    static func shardLine(_ shard: Shard, of range: ClosedRange<UInt64>, ran seeds: ClosedRange<UInt64>?) -> String {
        let whole = "\(range.lowerBound)..\(range.upperBound)"
        guard let seeds else {
            return "shard \(shard.index)/\(shard.count): no seeds to run (\(whole) has fewer seeds than shards)"
        }
        let ran = seeds.lowerBound == seeds.upperBound
            ? "seed \(seeds.lowerBound)" : "seeds \(seeds.lowerBound)..\(seeds.upperBound)"
        return "shard \(shard.index)/\(shard.count): \(ran) of \(whole)"
    }
}
