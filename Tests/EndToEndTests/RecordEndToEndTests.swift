import Foundation
import Testing

/// `--record FILE`: the run written back as a plain script that replays it the same way.
@Suite struct RecordEndToEndTests {
    @Test func chaosRunReplaysIdenticallyFromItsRecording() throws {
        let script = """
            add n1 n2 n3 n4 n5
            repeat 2 { put user$i a=$i }
            chaos 20s ops=40 keys=4 streams=2
            wait converged
            expect get user1 a=1
            """
        let directory = try scratchDirectory(files: ["campaign.kvs": script])
        defer { try? FileManager.default.removeItem(at: directory) }
        let recorded = directory.appendingPathComponent("recorded.kvs").path
        let original = try runKvrepl(args: ["--seed", "9", "--record", recorded, "campaign.kvs"],
                                     currentDirectory: directory.path)
        #expect(original.status == 0, "\(original.out)\(original.err)")
        let text = try String(contentsOfFile: recorded, encoding: .utf8)
        #expect(text.hasPrefix("# recorded by kvrepl from campaign.kvs on seed 9\nseed 9\nadd n1 n2 n3 n4 n5\nput user1 a=1\n"))
        #expect(!text.contains("chaos 20s"))
        #expect(text.contains("at "))
        #expect(text.contains("stream chaos-s1 chaos-k"))
        // The campaign's streams are recorded as it opened them, with `retry` for its duration.
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("stream chaos-s") && $0.hasSuffix(" retry 20s") }.count == 2)
        #expect(!text.contains("expect fail stream"))

        // Replayed without chaos and on another --seed (the recording sets its own), the same things happen.
        let replay = try runKvrepl(args: ["--seed", "1", recorded], currentDirectory: directory.path)
        #expect(replay.status == original.status)
        let outcomes = { (out: String) in
            out.split(separator: "\n").filter { $0.hasPrefix("[") || $0.contains(" #") }.joined(separator: "\n")
        }
        #expect(!outcomes(original.out).isEmpty)
        #expect(outcomes(replay.out) == outcomes(original.out))
    }

    /// A --record file that cannot be written is refused before the script runs (not after a
    /// run whose recording is then lost), and the check leaves nothing behind.
    @Test func unwritableRecordFileIsRefusedBeforeTheRun() throws {
        let directory = try scratchDirectory(files: ["s.kvs": "add n1 n2 n3\nput k a=1\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try runKvrepl(args: ["--record", "missing/out.kvs", "s.kvs"], currentDirectory: directory.path)
        #expect(run.status == 2)
        #expect(run.err == "kvrepl: cannot write --record file missing/out.kvs: No such file or directory\n", "\(run.err)")
        #expect(run.out.isEmpty, "ran: \(run.out)")
        // Recording over the script itself: the script is read before the file is written.
        let over = try runKvrepl(args: ["--record", "s.kvs", "s.kvs"], currentDirectory: directory.path)
        #expect(over.status == 0, "\(over.err)")
        let text = try String(contentsOfFile: directory.appendingPathComponent("s.kvs").path, encoding: .utf8)
        #expect(text.hasPrefix("# recorded by kvrepl from s.kvs on seed 1\nseed 1\nadd n1 n2 n3\nput k a=1\n"), "\(text)")
    }

    @Test func failingRunFailsTheSameWayOnReplay() throws {
        let script = "add n1 n2 n3\nput k a=1\nexpect get k a=2\n"
        let directory = try scratchDirectory(files: ["fails.kvs": script])
        defer { try? FileManager.default.removeItem(at: directory) }
        let recorded = directory.appendingPathComponent("fails-recorded.kvs").path
        let original = try runKvrepl(args: ["--record", recorded, "fails.kvs"], currentDirectory: directory.path)
        let replay = try runKvrepl(args: [recorded], currentDirectory: directory.path)
        #expect(original.status == 1)
        #expect(replay.status == 1)
        #expect(replay.out.contains("seen:     a=1"))
    }
}
