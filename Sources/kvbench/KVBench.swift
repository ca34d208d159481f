import ArgumentParser
import Foundation

/// `swift run -c release kvbench`: every workload in its own process (so memory figures are honest),
/// a table on stdout and, with `--json FILE`, one JSON object per result.
@main
struct KVBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kvbench",
        abstract: "Benchmarks of the kvrepl simulation against plain baselines measured in the same run.")

    static let workloadNames = ["puts", "puts-scale", "streams", "events", "gossip", "join", "memory", "parse", "sweep", "start", "floor", "ring", "membership"]

    @Flag(help: "Run every workload at a small size.")
    var quick = false

    @Option(help: ArgumentHelp("Write one JSON object per result to FILE.", valueName: "FILE"))
    var json: String?

    @Option(help: ArgumentHelp("Run only this workload (repeatable).", valueName: "NAME"))
    var only: [String] = []

    @Option(help: .hidden)
    var child: String?

    /// Sizes for `puts` and `floor` other than the workload's own (for profiling, e.g. under callgrind).
    @Option(help: ArgumentHelp("Nodes for the puts and floor workloads (profiling).", visibility: .hidden))
    var nodes: Int?
    @Option(help: ArgumentHelp("Keys for the puts and floor workloads (profiling).", visibility: .hidden))
    var keys: Int?

    func validate() throws {
        for name in only + (child.map { [$0] } ?? []) where !Self.workloadNames.contains(name) {
            throw ValidationError("unknown workload \(name); workloads: \(Self.workloadNames.joined(separator: ", "))")
        }
        if let nodes, !(1...Self.mostNodes).contains(nodes) {
            throw ValidationError("--nodes must be from 1 to \(Self.mostNodes), not \(nodes)")
        }
        if let keys, keys < 1 { throw ValidationError("--keys must be at least 1, not \(keys)") }
    }

    /// The FIFO link matrix alone takes 8 × nodes² bytes.
    static let mostNodes = 5_000

    static func run(_ name: String, quick: Bool, nodes: Int? = nil, keys: Int? = nil) throws -> [BenchRecord] {
        switch name {
        case "puts": try PutWorkloads.puts(quick: quick, nodes: nodes, keys: keys)
        case "puts-scale": try PutWorkloads.scale(quick: quick, nodes: nodes, keys: keys)
        case "streams": try PutWorkloads.streams(quick: quick)
        case "memory": try PutWorkloads.memory(quick: quick)
        case "events": try EventWorkloads.run(quick: quick)
        case "gossip": try ClusterWorkloads.gossip(quick: quick)
        case "join": try ClusterWorkloads.join(quick: quick)
        case "parse": try ToolWorkloads.parse(quick: quick)
        case "start": try ToolWorkloads.start(quick: quick)
        case "floor": try FloorWorkload.run(quick: quick, nodes: nodes, keys: keys)
        case "sweep": try ToolWorkloads.sweep(quick: quick)
        case "ring": try FigureWorkloads.ring(quick: quick)
        case "membership": try FigureWorkloads.membership(quick: quick)
        default: []
        }
    }

    func run() throws {
        if let child {
            for record in try Self.run(child, quick: quick, nodes: nodes, keys: keys) { print(record.json) }
            return
        }
        if let json {
            // Found out before minutes of work, not after.
            guard let file = fopen(json, "w") else {
                throw ValidationError("cannot write \(json): \(String(cString: strerror(errno)))")
            }
            fclose(file)
        }
        var records: [BenchRecord] = []
        for name in only.isEmpty ? Self.workloadNames : only {
            FileHandle.standardError.write(Data("kvbench: \(name)…\n".utf8))
            // Sizes given for profiling run the workload once, as given.
            switch nodes == nil && keys == nil ? Self.plan(of: name, quick: quick) : .once {
            case .once:
                records += try runInChild(name)
            case .fastest(let parts):
                for part in parts {
                    let runs = try (0..<part.times).flatMap { _ in try runInChild(name, nodes: part.nodes, keys: part.keys) }
                    records += BenchRecord.fastest(of: runs, figure: part.figure).map { [$0] } ?? []
                }
            case .paired(let base, let field, let pairs):
                records += try PutWorkloads.paired(name, against: base, field: field, pairs: pairs) {
                    try runInChild($0)
                }.map { [$0] } ?? []
            }
        }
        print(BenchTable.render(records))
        if let json {
            try Data(records.map { $0.json + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: json))
        }
        let failed = Self.unverified(records)
        if !failed.isEmpty {
            FileHandle.standardError.write(Data("kvbench: not verified: \(failed.joined(separator: ", ")) (see verified= and error= above)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The workloads whose result did not check out (or that did not run): a fast wrong answer
    /// must not pass, so any of them fails the run.
    static func unverified(_ records: [BenchRecord]) -> [String] {
        var names: [String] = []
        for r in records where r["error"] != nil || r.number("verified") == 0 {
            let name = r.name ?? "?"
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// How the parent runs a workload, each run in a process of its own.
    enum Plan {
        /// One run.
        case once
        /// Parts (sizes), each run `times` and the fastest kept (`BenchRecord.fastest`).
        case fastest([(nodes: Int?, keys: Int?, times: Int, figure: String)])
        /// Pairs of a `base` run and a run of this workload, the median pair kept, its ratio as
        /// `field` (`PutWorkloads.paired`).
        case paired(base: String, field: String, pairs: Int)
    }

    /// The workloads whose figure one short run cannot pin down. `puts-scale` runs each size
    /// alone, for its own memory figure, as often as `PutWorkloads.scaleRuns` says; `parse` is cold, as
    /// `kvrepl` parses a script (three in one process ran the later two on memory the first had
    /// faulted in); `streams` is judged against `puts` run beside it, and `puts` against `floor`.
    static func plan(of name: String, quick: Bool) -> Plan {
        switch name {
        case "puts-scale":
            .fastest(PutWorkloads.scaleSizes(quick: quick).map { size in
                (size.nodes, size.keys, PutWorkloads.scaleRuns(quick: quick, keys: size.keys), "ns_per_op")
            })
        case "parse": .fastest([(nil, nil, quick ? 2 : 3, "mb_per_s")])
        case "streams": .paired(base: "puts", field: "slowdown_vs_puts", pairs: quick ? 2 : 3)
        case "puts": .paired(base: "floor", field: "slowdown_vs_floor", pairs: quick ? 2 : 3)
        default: .once
        }
    }

    /// Runs one workload in a fresh process of this executable and reads its JSON lines back.
    private func runInChild(_ name: String, nodes: Int? = nil, keys: Int? = nil) throws -> [BenchRecord] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let nodes = nodes ?? self.nodes, keys = keys ?? self.keys
        process.arguments = ["--child", name] + (quick ? ["--quick"] : [])
            + (nodes.map { ["--nodes", String($0)] } ?? []) + (keys.map { ["--keys", String($0)] } ?? [])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            var r = BenchRecord(name: name, nodes: nil, keys: nil, ops: nil)
            r["error"] = .string("workload exited with status \(process.terminationStatus)")
            return [r]
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { BenchRecord(json: String($0)) }
    }
}

/// The human-readable table of results.
enum BenchTable {
    static func render(_ records: [BenchRecord]) -> String {
        let columns = ["name", "nodes", "keys", "ops", "wall_s", "ops_per_s", "events_per_s", "ns_per_op", "ratio", "peak_rss_mb"]
        var rows = [columns + ["other"]]
        for r in records {
            var row = columns.map { r[$0].map(cell) ?? "" }
            let other = r.fields.filter { field in
                guard !columns.contains(field.0) && field.0 != "baseline" else { return false }
                if case .null = field.1 { return false }  // a figure the workload does not have
                return true
            }
            row.append(other.map { "\($0.0)=\(cell($0.1))" }.joined(separator: " "))
            rows.append(row)
        }
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        return rows.map { row in
            row.enumerated().map { i, c in c + String(repeating: " ", count: widths[i] - c.count) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func cell(_ v: BenchRecord.Value) -> String {
        switch v {
        case .int(let n): "\(n)"
        case .double(let d): format3(d)
        case .string(let s): s
        case .null: "-"
        }
    }
}
