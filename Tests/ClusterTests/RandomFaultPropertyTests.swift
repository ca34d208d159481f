import Foundation
import Testing
@testable import Cluster

/// Random operations and faults on a 5-node cluster, then heal, restart, resume and converge:
/// every replica agrees, no acknowledged write is lost, nothing appears that no client wrote, and
/// the stream's last view equals the converged value. Seeds: 1...8 by default; set
/// KVREPL_SEEDS=A..B to sweep more (in a release build).
@Suite struct RandomFaultPropertyTests {
    struct Write {
        var key: String
        var field: String?  // nil: whole-object delete
        var value: String?  // nil: delete
        var submitted: Micros
        var acked: Micros?
        var id: OperationID?
    }

    @Test(arguments: TestSeeds.list(Array(1...8)))
    func randomFaultsConverge(seed: UInt64) throws {
        let failures = try Self.run(seed: seed, nodeCount: 5, steps: 100, harsh: false)
        #expect(failures.isEmpty, "seed \(seed): \(failures.joined(separator: "; "))")
    }

    /// More nodes, random quorums, loss up to 5%, fast timers, and graceful removes and re-adds.
    @Test(arguments: TestSeeds.list(Array(1...4)))
    func harshRandomFaultsConverge(seed: UInt64) throws {
        let failures = try Self.run(seed: seed, nodeCount: 7, steps: 200, harsh: true)
        #expect(failures.isEmpty, "seed \(seed): \(failures.joined(separator: "; "))")
    }

    static func run(seed: UInt64, nodeCount: Int, steps: Int, harsh: Bool) throws -> [String] {
        var rng = Xoshiro256StarStar(seed: seed &* 7919)
        let c = Cluster(seed: seed)
        var views: [StreamView] = []
        var notices: [String] = []
        c.onEvent = { [unowned c] in
            if case .delivery(let v) = $0 {
                views.append(v)
                if ProcessInfo.processInfo.environment["KVREPL_DEBUG"] != nil { print("VIEW \(v.sequence) \(v.fields.map { "\($0.field)=\($0.value)" }) at \(c.now)") }
            }
            if case .notice(let n) = $0 { notices.append(n) }
            if case .trace(let t) = $0, ProcessInfo.processInfo.environment["KVREPL_TRACE"] != nil { print(t) }
        }
        let nodes = (1...nodeCount).map { "n\($0)" }
        var settings = c.settings
        if seed % 2 == 0 { settings.lossPPM = 20_000 }  // 2%: retransmission paths too
        if harsh {
            settings.lossPPM = Int(rng.below(50_001))
            settings.replicas = Int(rng.below(3)) + 2
            settings.read = Int(rng.below(UInt64(settings.replicas))) + 1
            settings.write = Int(rng.below(UInt64(settings.replicas))) + 1
            settings.rehash = 3_000_000
            settings.suspect = 2_000_000
            settings.antientropy = 2_000_000
            settings.latencyMax = 30_000
        }
        try c.configure(settings)
        try c.add(nodes)
        c.advance(by: 2_000_000)
        // With message loss the registration may time out; like a user, try again.
        var opened = false
        for _ in 0..<20 where !opened {
            opened = try c.openStream("s", key: "k1", fields: ["f1", "f2"], initial: true).succeeded
        }
        guard opened else { return ["stream never opened"] }
        var writes: [Write] = []
        var connected = true
        /// A remove dropped after its handoff timed out may lose writes acknowledged before it.
        var lossAllowedBefore: Micros = 0
        var counter = 0
        for _ in 0..<steps {
            let roll = rng.below(100)
            let key = "k\(rng.below(4) + 1)"
            let field = "f\(rng.below(3) + 1)"
            if ProcessInfo.processInfo.environment["KVREPL_TRACE"] != nil {
                c.tracing = c.now > 200_000_000 && c.now < 240_000_000
            }
            if roll < 55 {
                counter += 1
                let value = "v\(counter)"
                let index = writes.count
                writes.append(Write(key: key, field: field, value: value, submitted: c.now, acked: nil))
                if c.tracing { print("PUT \(key) \(field)=\(value)") }
                writes[index].id = try c.submit(.put(key: key, fields: [FieldValue(field, value)], via: nil)) { [c] r in
                    if r.succeeded { writes[index].acked = c.now }
                }
            } else if roll < 62 {
                let whole = rng.below(3) == 0
                let index = writes.count
                writes.append(Write(key: key, field: whole ? nil : field, value: nil, submitted: c.now, acked: nil))
                _ = try c.submit(.delete(key: key, fields: whole ? [] : [field], via: nil)) { [c] r in
                    if r.succeeded { writes[index].acked = c.now }
                }
            } else if roll < 66 {
                _ = try c.submit(.get(key: key, fields: [], via: nil))
            } else if roll < 70 {
                if ProcessInfo.processInfo.environment["KVREPL_DEBUG"] != nil { print("TOGGLE connected=\(!connected) at \(c.now)") }
                if connected {
                    try c.disconnectStream("s")
                    connected = false
                } else {
                    _ = try c.reconnectStream("s")
                    connected = true
                }
            } else {
                let node = nodes[Int(rng.below(5))]
                let state = c.state(of: node)
                let running = nodes.filter { c.state(of: $0) == .running }.count
                if c.tracing { print("FAULT on \(node) \(c.now)") }
                switch rng.below(harsh ? 7 : 6) {
                case 6 where state == .running && running > 3 && c.nodeNames.count == nodes.count:
                    if try c.remove(node) == .droppedAfterTimeout { lossAllowedBefore = c.now }
                    c.advance(by: rng.between(0, 3_000_000))
                    try c.add([node])
                case 0 where state == .running && running > 2: try c.kill(node, wipe: false)
                case 1 where state == .killed: try c.restart(node)
                case 2 where state == .running && running > 2: try c.pause(node)
                case 3 where state == .paused: try c.resume(node)
                case 4 where rng.below(2) == 0: try c.partition([Array(nodes[0..<2]), Array(nodes[2...])])
                case 4: try c.isolate(node)
                default: c.heal()
                }
            }
            c.advance(by: rng.between(0, 1_500_000))
        }
        c.heal()
        for n in nodes {
            if c.state(of: n) == .killed { try c.restart(n) }
            if c.state(of: n) == .paused { try c.resume(n) }
        }
        var failures: [String] = []
        if !connected {
            let r = try c.reconnectStream("s")
            if ProcessInfo.processInfo.environment["KVREPL_DEBUG"] != nil { print("FINAL RECONNECT \(r) at \(c.now) \(c.nodeNames.map { "\($0):\(c.state(of: $0)!)" })") }
        }
        if !c.waitConverged(limit: 60_000_000) {
            failures.append("not converged: \(c.convergence().unmet.prefix(5))")
            if ProcessInfo.processInfo.environment["KVREPL_DEBUG"] != nil { print(c.showNodes().rows) }
            return failures
        }
        // Replicas agree (convergence says so); read the converged value from the first owner.
        for k in 1...4 {
            let key = "k\(k)"
            guard let owner = c.owners(of: key).first else { continue }
            let final = c.replica(owner, key)
            for fvalue in final where !writes.contains(where: { $0.value == fvalue.value && $0.field == fvalue.field }) {
                failures.append("\(key).\(fvalue.field)=\(fvalue.value) was never written")
            }
            for f in 1...3 {
                let field = "f\(f)"
                let finalValue = final.first { $0.field == field }?.value
                let onField = writes.filter { $0.key == key && ($0.field == field || $0.field == nil) }
                for w in onField where w.value != nil && w.field == field && (w.acked ?? 0) > lossAllowedBefore {
                    if let finalValue {
                        guard let x = onField.first(where: { $0.value == finalValue }) else { continue }
                        if let xAck = x.acked, xAck < w.submitted {
                            failures.append("\(key).\(field): acked \(w.value!) lost to earlier \(finalValue)")
                        }
                    } else {
                        let deleter = onField.contains { $0.value == nil && ($0.acked ?? Int64.max) >= w.submitted }
                        if !deleter { failures.append("\(key).\(field): acked \(w.value!) lost (absent)") }
                    }
                }
            }
        }
        // By versions: every acknowledged put is held by each owner at its version or superseded
        // by a higher one (a field version, or the object's tombstone).
        for w in writes where w.value != nil && (w.acked ?? 0) > lossAllowedBefore {
            guard let id = w.id, let v = c.version(of: id), let field = w.field else {
                failures.append("acked write \(w.value!) has no version")
                continue
            }
            for owner in c.owners(of: w.key) {
                let held = c.storedFields(of: w.key).filter { $0.node == owner && ($0.field == field || $0.field == nil) }
                if !held.contains(where: { $0.version >= v }) {
                    failures.append("\(w.key).\(field): \(owner) lost acked \(w.value!) at \(v)")
                }
            }
        }
        // The stream: sequence without gaps, no repeated view, last view = converged value.
        try c.settleStream("s")
        let mine = views.filter { $0.stream == "s" }
        if mine.map(\.sequence) != Array(1...max(1, mine.count)) && !mine.isEmpty {
            failures.append("stream sequence \(mine.map(\.sequence))")
        }
        for (a, b) in zip(mine, mine.dropFirst()) where a.fields == b.fields {
            failures.append("stream repeated view \(a.fields)")
        }
        let expected = c.replica(c.owners(of: "k1").first ?? "", "k1").filter { $0.field == "f1" || $0.field == "f2" }
        // A node dropped after a failed handoff may take a delivered value with it (data loss,
        // like a wiped disk): a stream never goes back, so guarantee 3 is exempt then.
        if let last = mine.last, last.fields != expected, lossAllowedBefore == 0 {
            failures.append("stream last view \(last.fields) ≠ converged \(expected)")
        }
        if !failures.isEmpty && ProcessInfo.processInfo.environment["KVREPL_DEBUG"] != nil {
            print("settings \(c.settings) notices \(notices)")
            print(c.showKey("k1").rows.map { $0.joined(separator: " ") }.joined(separator: "\n"))
            for w in writes where w.key == "k1" { print(w) }
        }
        return failures
    }
}
