import Cluster
import Foundation

/// Figures of the cluster's behaviour (not speed): placement on the ring and membership spread.
enum FigureWorkloads {
    /// Copies moved when one node joins n nodes (ring only), and load balance per vnodes setting.
    static func ring(quick: Bool) throws -> [BenchRecord] {
        let keys = quick ? 5_000 : 100_000
        var records: [BenchRecord] = []
        for n in [5, 20, 100] {
            let cluster = Cluster(seed: 1)
            try cluster.add((1...n).map { "n\($0)" })
            let before = (0..<keys).map { Set(cluster.owners(of: "k\($0)")) }
            try cluster.add(["n\(n + 1)"])
            var moved = 0, oldMoves = 0
            for i in 0..<keys {
                for owner in Set(cluster.owners(of: "k\(i)")).subtracting(before[i]) {
                    moved += 1
                    if owner != "n\(n + 1)" { oldMoves += 1 }
                }
            }
            var r = BenchRecord(name: "ring-join", nodes: n, keys: keys, ops: nil)
            r["vnodes"] = .int(8)
            r["moved_fraction"] = .double(Double(moved) / Double(keys * 3))
            r["ideal_fraction"] = .double(1 / Double(n + 1))
            r["old_moves"] = .int(oldMoves)
            records.append(r)
        }
        for vnodes in [1, 8, 64, 256] {
            var settings = Settings()
            settings.vnodes = vnodes
            let cluster = Cluster(seed: 1, settings: settings)
            let n = 20
            try cluster.add((1...n).map { "n\($0)" })
            var load: [String: Int] = [:]
            for i in 0..<keys { for owner in cluster.owners(of: "k\(i)") { load[owner, default: 0] += 1 } }
            let mean = Double(keys * 3) / Double(n)
            var r = BenchRecord(name: "ring-balance", nodes: n, keys: keys, ops: nil)
            r["vnodes"] = .int(vnodes)
            r["max_over_mean"] = .double(Double(load.values.max() ?? 0) / mean)
            r["min_over_mean"] = .double(Double(load.values.min() ?? 0) / mean)
            records.append(r)
        }
        return records
    }

    /// Gossip rounds until a joining node is held up by every node, against log2 n + ln n; and
    /// virtual time from a kill until every node holds the node down.
    static func membership(quick: Bool) throws -> [BenchRecord] {
        var records: [BenchRecord] = []
        for n in quick ? [10, 100] : [10, 100, 1_000] {
            let cluster = Cluster(seed: 1)
            let names = (1...n).map { "n\($0)" }
            try cluster.add(names)
            cluster.advance(by: 3_000_000)
            let start = cluster.now
            try cluster.add(["joiner"])
            var rounds = 0
            while rounds < 100 {
                if try names.allSatisfy({ name throws(ClusterError) in try cluster.sees(name, "joiner") }) { break }
                cluster.advance(by: cluster.settings.gossip)
                rounds += 1
            }
            var r = BenchRecord(name: "gossip-join", nodes: n, keys: nil, ops: nil)
            r["rounds"] = .int(rounds)
            r["log2n_plus_lnn"] = .double(log2(Double(n)) + log(Double(n)))
            r["virtual_s"] = .double(Double(cluster.now - start) / 1e6)

            try cluster.kill("n1", wipe: false)
            let killed = cluster.now
            var step = 0
            while step < 1_000 {
                if try names.dropFirst().allSatisfy({ name throws(ClusterError) in try !cluster.sees(name, "n1") }) { break }
                cluster.advance(by: 100_000)
                step += 1
            }
            r["kill_to_all_down_s"] = .double(Double(cluster.now - killed) / 1e6)
            r["suspect_s"] = .double(Double(cluster.settings.suspect) / 1e6)
            records.append(r)
        }
        return records
    }
}
