import Foundation
import Lang

/// `parse` and `start`: the language front end and the executable.
enum ToolWorkloads {
    /// A generated script parsed and name-checked, once, in a fresh process (as `kvrepl` parses a
    /// script): MB/s. The parent runs it in three processes and keeps the fastest (`KVBench.plan`).
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
        let wall = try Measure.seconds { commands = try parseAndCheck(script) }
        var r = BenchRecord(name: "parse", nodes: nil, keys: nil, ops: commands)
        r["wall_s"] = .double(wall)
        r["ops_per_s"] = .double(Double(commands) / wall)
        r["peak_rss_mb"] = .double(Measure.peakResidentMB())
        r["bytes"] = .int(bytes)
        r["mb_per_s"] = .double(Double(bytes) / 1e6 / wall)
        r["verified"] = .int(commands == 1 + 3 * i ? 1 : 0)  // `add`, then three commands a round
        return [r]
    }

    /// The timed work of `parse`: the script loaded and name-checked, its commands counted. Not
    /// inlined, so that a profiler can collect this function alone (`--toggle-collect`).
    @inline(never)
    static func parseAndCheck(_ script: String) throws -> Int {
        let loaded = try ScriptLoader(readFile: { _ in "" }).load(text: script, path: "bench.kvs")
        var checker = NameChecker(nodes: [], streams: [])
        try checker.check(loaded)
        return loaded.commands.count
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
            // posix_spawn and waitpid, not Foundation's Process: its waitUntilExit polls a run loop
            // every 50 ms, which made every start look like ~51 ms.
            let wall = try Measure.seconds {
                try spawnAndWait(binary.path, ["--quiet", empty.path])
            }
            best = min(best, wall)
        }
        var r = BenchRecord(name: "start", nodes: nil, keys: nil, ops: runs)
        r["wall_s"] = .double(best)
        r["ms"] = .double(best * 1000)
        r["verified"] = .int(1)  // every run exited with status 0 (`spawnAndWait` throws otherwise)
        return [r]
    }
}

/// `path` run with `arguments`, its standard output to /dev/null; throws unless it exits with 0.
private func spawnAndWait(_ path: String, _ arguments: [String]) throws {
    struct SpawnFailed: Error, CustomStringConvertible {
        var description: String
    }
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard spawned == 0 else { throw SpawnFailed(description: "posix_spawn \(path): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
        guard errno == EINTR else { throw SpawnFailed(description: "waitpid: error \(errno)") }
    }
    guard status == 0 else { throw SpawnFailed(description: "\(path) exited with wait status \(status)") }
}

extension ToolWorkloads {
    /// A `chaos` campaign over 200 seeds with `kvrepl --seeds`, pinned to one core and then on all,
    /// three pairs of runs (one with `--quick`): seeds per second from the fastest run on each
    /// side, and the speed-up as the median of the pairs' (each pair's in `runs`): a pair's two
    /// runs are seconds apart, so they share the machine's state, where the fastest of each side
    /// may come from different moments.
    static func sweep(quick: Bool) throws -> [BenchRecord] {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let kvrepl = directory.appendingPathComponent("kvrepl").path
        guard FileManager.default.isExecutableFile(atPath: kvrepl) else {
            var r = BenchRecord(name: "sweep", nodes: nil, keys: nil, ops: 0)
            r["error"] = .string("kvrepl not built next to kvbench (swift build -c release)")
            return [r]
        }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("kvbench-sweep.kvs")
        try Data("add n1 n2 n3 n4 n5\nchaos 60s ops=200 keys=20 streams=5\ncheck\n".utf8).write(to: script)
        let seeds = quick ? 20 : 200
        func time(_ executable: String, _ arguments: [String]) throws -> (Double, Int32) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            let wall = try Measure.seconds {
                try process.run()
                process.waitUntilExit()
            }
            return (wall, process.terminationStatus)
        }
        let arguments = ["--quiet", "--seeds", "1..\(seeds)", script.path]
        var one = Double.infinity, all = Double.infinity, passed = true, pairs: [Double] = []
        for _ in 0..<(quick ? 1 : 3) {
            let (oneRun, oneStatus) = try time("/usr/bin/taskset", ["-c", "0", kvrepl] + arguments)
            let (allRun, allStatus) = try time(kvrepl, arguments)
            one = min(one, oneRun)
            all = min(all, allRun)
            passed = passed && oneStatus == 0 && allStatus == 0
            pairs.append(oneRun / allRun)
        }
        var r = BenchRecord(name: "sweep", nodes: 5, keys: 20, ops: seeds)
        r["wall_s"] = .double(all)
        r["ops_per_s"] = .double(Double(seeds) / all)
        r["one_core_seeds_per_s"] = .double(Double(seeds) / one)
        r["cores"] = .int(ProcessInfo.processInfo.activeProcessorCount)
        r["speedup"] = .double(pairs.sorted()[pairs.count / 2])
        r["runs"] = .string(pairs.map(format3).joined(separator: " "))
        r["all_passed"] = .int(passed ? 1 : 0)
        r["verified"] = r["all_passed"]
        return [r]
    }
}
