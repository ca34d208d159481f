import Foundation
import Lang
import Testing
@testable import REPL

/// `--shard` and `--json` as values: which seeds a shard runs, and the JSON lines.
@Suite struct ShardAndJSONTests {
    // MARK: Shards

    /// Shards 1/N … N/N of a range run every seed of it exactly once, in order, in parts that differ
    /// by at most one seed.
    @Test(arguments: [(1, 1), (1, 10), (1, 1000), (5, 7), (0, 2), (3, 3), (1, 257)])
    func shardsCoverARangeExactlyOnce(range: (UInt64, UInt64)) {
        let seeds = range.0...range.1
        for count: UInt64 in [1, 2, 3, 4, 7, 8, 16] {
            var covered: [UInt64] = []
            var sizes: [Int] = []
            for index in 1...count {
                let part = Shard(index: index, count: count).seeds(of: seeds)
                covered += part.map(Array.init) ?? []
                sizes.append(part?.count ?? 0)
            }
            #expect(covered == Array(seeds), "\(count) shards of \(seeds)")
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "\(sizes)")
        }
    }

    @Test func shardsOfTheWholeSeedSpaceMeetWithoutOverflow() throws {
        let all: ClosedRange<UInt64> = 0...UInt64.max
        let first = try #require(Shard(index: 1, count: 2).seeds(of: all))
        let second = try #require(Shard(index: 2, count: 2).seeds(of: all))
        #expect(first == 0...(UInt64.max / 2))
        #expect(second == (UInt64.max / 2 + 1)...UInt64.max)
        let last = try #require(Shard(index: 3, count: 3).seeds(of: (UInt64.max - 2)...UInt64.max))
        #expect(last == UInt64.max...UInt64.max)
    }

    @Test func aShardWithNoSeedGetsNone() {
        #expect(Shard(index: 1, count: 3).seeds(of: 1...2) == nil)
        #expect(Shard(index: 2, count: 3).seeds(of: 1...2) == 1...1)
        #expect(ScriptSweep.shardLine(Shard(index: 1, count: 3), of: 1...2, ran: nil)
                == "shard 1/3: no seeds to run (1..2 has fewer seeds than shards)")
    }

    @Test func shardArgumentParses() {
        #expect(Shard(argument: "2/4") == Shard(index: 2, count: 4))
        #expect(Shard(argument: "2/") == nil)
        #expect(Shard(argument: "a/4") == nil)
        #expect(Shard(index: 5, count: 4).isValid == false)
        #expect(Shard(index: 0, count: 4).isValid == false)
    }

    // MARK: JSON

    static func decode(_ line: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(value as? [String: Any])
    }

    @Test func jsonLinesCarryTypeVersionAndFields() throws {
        let lines: [(OutputKind, String)] = [
            (.command, "kvrepl 2.5s> put k a=1\n"),
            (.outcome, "put k: ok (n1, 2 acks)\n"),
            (.outcome, "[12.5s] get k: a=1 (n1, 2 replies)\n"),
            (.delivery, "[3s] s #2 \"a key\": a=1 b=\"x \\\"y\\\"\"\n"),
            (.delivery, "s #1 k: (empty)\n"),
            (.passed, "PASS a.kvs:9 (i=2) expect get k a=2\n"),
            (.failed, "FAIL a.kvs:7 check\n  expected: converged\n  seen:     converged at 3s\n            2 violations:\n              lost: k f1\n              stale: k f2\n"),
            (.error, "a.kvs:5:1: error: unknown node `n9`\n    kill n9\n         ^~\n"),
            (.trace, "1ms send n1 -> n2\n"),
            (.normal, "nodes\n  n1  up\n"),
        ]
        var objects: [[String: Any]] = []
        for (kind, text) in lines {
            for line in JSONLines.object(kind, text, file: "a.kvs", seed: 7) {
                #expect(!line.contains("\n"))
                objects.append(try Self.decode(line))
            }
        }
        #expect(objects.allSatisfy { $0["version"] as? Int == 1 && $0["file"] as? String == "a.kvs" && $0["seed"] as? Int == 7 })
        #expect(objects.map { $0["type"] as? String ?? "" }
                == ["command", "outcome", "outcome", "view", "view", "expectation", "expectation", "finding", "finding",
                    "error", "trace", "text"])
        #expect(objects[0]["time"] as? String == "2.5s" && objects[0]["command"] as? String == "put k a=1")
        #expect(objects[2]["time"] as? String == "12.5s" && objects[2]["command"] as? String == "get")
        #expect(objects[3]["key"] as? String == "a key" && objects[3]["sequence"] as? Int == 2)
        #expect(objects[3]["fields"] as? [String: String] == ["a": "1", "b": "x \"y\""])
        #expect(objects[4]["fields"] as? [String: String] == [:] && objects[4]["time"] == nil)
        #expect(objects[5]["location"] as? String == "a.kvs:9 (i=2)" && objects[5]["result"] as? String == "pass")
        #expect(objects[6]["result"] as? String == "fail" && objects[6]["command"] as? String == "check")
        #expect(objects[6]["expected"] as? String == "converged")
        #expect(objects[7]["text"] as? String == "lost: k f1" && objects[7]["location"] as? String == "a.kvs:7")
        #expect(objects[9]["location"] as? String == "a.kvs:5:1" && objects[9]["message"] as? String == "unknown node `n9`")
        #expect(objects[11]["text"] as? String == "nodes\n  n1  up")
    }

    /// The type comes from what printed the line, not from its look: `echo` text that reads like an
    /// outcome or an echoed command is text.
    @Test func jsonTypesFollowTheKindOfOutputNotItsText() throws {
        for text in ["put k: ok (n1, 2 acks)\n", "kvrepl 2.5s> put k a=1\n", "[3s] get k: a=1\n"] {
            let line = try #require(JSONLines.object(.normal, text, file: "a.kvs", seed: 1).first)
            #expect(try Self.decode(line)["type"] as? String == "text", "\(text)")
        }
    }

    @Test func jsonQuotingEscapesControlCharacters() {
        #expect(JSONObject.quote("a\"b\\c\n\u{01}é") == "\"a\\\"b\\\\c\\n\\u0001é\"")
    }
}
