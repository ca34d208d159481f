import Foundation
import Testing

/// `kvbench --quick` keeps working: every workload runs and verifies its own result.
/// No timing is asserted (CI machines are noisy); figures come from release runs (BENCHMARKS.md).
@Suite struct BenchmarkEndToEndTests {
    @Test func quickRunCoversEveryWorkloadAndVerifies() throws {
        let kvbench = try kvreplBinary().deletingLastPathComponent().appendingPathComponent("kvbench")
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("kvbench-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: json) }
        let process = Process()
        process.executableURL = kvbench
        process.arguments = ["--quick", "--json", json.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = try String(contentsOf: json, encoding: .utf8).split(separator: "\n").map(String.init)
        let names = Set(lines.compactMap { line in
            line.range(of: "\"name\": \"").map { String(line[$0.upperBound...].prefix { $0 != "\"" }) }
        })
        for workload in ["puts", "puts-scale", "streams", "events", "gossip", "join", "memory", "parse", "sweep", "start"] {
            #expect(names.contains(workload), "no \(workload) result")
        }
        let common = ["name", "nodes", "keys", "ops", "wall_s", "ops_per_s", "events_per_s", "peak_rss_mb",
                      "baseline", "baseline_ops_per_s", "ratio", "ns_per_op"]
        for line in lines {  // every object carries every common field, null where it has none
            #expect(common.allSatisfy { line.contains("\"\($0)\": ") }, "\(line)")
        }
        #expect(!lines.contains { $0.contains("\"verified\": 0") || $0.contains("\"error\"") })
        for workload in ["puts", "puts-scale", "streams", "events", "gossip", "join", "memory", "parse", "sweep", "start", "floor"] {
            let records = lines.filter { $0.contains("\"name\": \"\(workload)\"") }
            #expect(!records.isEmpty && records.allSatisfy { $0.contains("\"verified\": 1") }, "\(workload) not verified")
        }
        #expect(!lines.contains { $0.contains("\"same_order\": 0") || $0.contains("\"all_passed\": 0") })
        // streams: the median of two pairs of runs (with --quick), each pair's ratio listed
        #expect(lines.contains { line in
            line.contains("\"name\": \"streams\"") && line.contains("\"slowdown_vs_puts\": ")
                && (line.range(of: "\"runs\": \"").map { line[$0.upperBound...].prefix { $0 != "\"" }.split(separator: " ").count == 2 } ?? false)
        })
        // puts-scale: each size the fastest of two processes (with --quick), both runs listed
        let scale = lines.filter { $0.contains("\"name\": \"puts-scale\"") }
        #expect(scale.count == 4 && scale.allSatisfy { line in
            line.range(of: "\"runs\": \"").map { line[$0.upperBound...].prefix { $0 != "\"" }.split(separator: " ").count == 2 } ?? false
        }, "\(scale)")
        for workload in ["parse", "sweep"] {  // each run's figure beside the fastest
            #expect(lines.contains { $0.contains("\"name\": \"\(workload)\"") && $0.contains("\"runs\": \"") })
        }
        for workload in ["puts", "puts-scale", "streams", "events", "gossip", "join"] {
            let records = lines.filter { $0.contains("\"name\": \"\(workload)\"") }
            #expect(!records.isEmpty && records.allSatisfy { !$0.contains("\"events_per_s\": null") },
                    "\(workload) has no events_per_s")
        }
    }

    /// Bad arguments get a clear error and a usage status before any work, never a trap.
    @Test(arguments: [
        (["--only", "nope"], "unknown workload nope"),
        (["--child", "puts", "--nodes", "0", "--keys", "10"], "--nodes must be from 1 to 5000, not 0"),
        (["--child", "puts", "--nodes=-3"], "--nodes must be from 1 to 5000, not -3"),
        (["--child", "puts", "--keys", "0"], "--keys must be at least 1, not 0"),
        (["--only", "start", "--json", "/nonexistent-dir/out.jsonl"], "cannot write /nonexistent-dir/out.jsonl: No such file or directory"),
    ])
    func badArgumentsAreRefused(arguments: [String], message: String) throws {
        let process = Process()
        process.executableURL = try kvreplBinary().deletingLastPathComponent().appendingPathComponent("kvbench")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64, "\(stderr)")
        #expect(stderr.contains(message), "\(stderr)")
        #expect(!stderr.contains("kvbench: start") && stdout.isEmpty, "ran work: \(stderr)")
    }
}
