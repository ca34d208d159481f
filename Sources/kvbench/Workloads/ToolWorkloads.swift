import Foundation
import Lang

/// `parse` and `start`: the language front end and the executable.
enum ToolWorkloads {
    /// A generated script parsed and name-checked: MB/s.
    static func parse(quick: Bool) throws -> [BenchRecord] {
        let target = quick ? 1_000_000 : 10_000_000
        var script = "add n1 n2 n3 n4 n5\n"
        var i = 0
        while script.utf8.count < target {
            script += "put user\(i) name=\"User \(i)\" balance=\(i % 1000) tier=gold via n\(i % 5 + 1)\n"
            script += "expect get user\(i) balance=\(i % 1000) # a comment\n"
            script += "repeat 3 { put k$i a=\(i) }\n"
            i += 1
        }
        let bytes = script.utf8.count
        var commands = 0
        let wall = try Measure.seconds {
            let loaded = try ScriptLoader(readFile: { _ in "" }).load(text: script, path: "bench.kvs")
            var checker = NameChecker(nodes: [], streams: [])
            try checker.check(loaded)
            commands = loaded.commands.count
        }
        var r = BenchRecord(name: "parse", nodes: nil, keys: nil, ops: commands)
        r["wall_s"] = .double(wall)
        r["ops_per_s"] = .double(Double(commands) / wall)
        r["peak_rss_mb"] = .double(Measure.peakResidentMB())
        r["bytes"] = .int(bytes)
        r["mb_per_s"] = .double(Double(bytes) / 1e6 / wall)
        return [r]
    }

    /// `kvrepl` running an empty script: wall time of the whole process (best of several).
    static func start(quick: Bool) throws -> [BenchRecord] {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kvrepl")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            var r = BenchRecord(name: "start", nodes: nil, keys: nil, ops: 0)
            r["error"] = .string("kvrepl not built next to kvbench (swift build -c release)")
            return [r]
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("kvbench-empty.kvs")
        try Data().write(to: empty)
        var best = Double.infinity
        let runs = quick ? 3 : 10
        for _ in 0..<runs {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["--quiet", empty.path]
            process.standardOutput = FileHandle.nullDevice
            let wall = try Measure.seconds {
                try process.run()
                process.waitUntilExit()
            }
            best = min(best, wall)
        }
        var r = BenchRecord(name: "start", nodes: nil, keys: nil, ops: runs)
        r["wall_s"] = .double(best)
        r["ms"] = .double(best * 1000)
        return [r]
    }
}
