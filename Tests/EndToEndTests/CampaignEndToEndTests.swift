import Foundation
import Testing

/// Campaigns under message loss count only what the script wrote: their streams' failed tries are
/// printed and never counted, a second campaign numbers its streams after the first's, and a
/// `--record` replay counts the same.
@Suite struct CampaignEndToEndTests {
    static let twoCampaigns = """
        config loss=3%
        add n1 n2 n3 n4 n5
        chaos 30s streams=8
        chaos 30s streams=8
        wait converged within 2m
        expect stream chaos-s16 count 0
        """

    /// Every seed runs without a script error and counts the same (`expect stream … count 0` may
    /// fail or pass, so the two counted lines are judged together).
    @Test func twoLossyCampaignsCountTheSameOnEverySeed() throws {
        let directory = try scratchDirectory(files: ["campaigns.kvs": Self.twoCampaigns])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try runKvrepl(args: ["--seeds", "1..30", "campaigns.kvs"], currentDirectory: directory.path)
        #expect(!run.err.contains("error"), "\(run.err)")
        let summary = try #require(run.out.split(separator: "\n").last)
        let counts = summary.split(separator: " ").compactMap { Int($0) }
        #expect(counts.count == 2 && counts[0] + counts[1] == 60, "\(summary)")
        #expect(!run.out.contains("expect fail stream"), "a campaign's try was counted")
        #expect(run.out.contains("stream chaos-s16 on chaos-k"))
    }

    @Test func aReplayOfALossyCampaignCountsTheSame() throws {
        let directory = try scratchDirectory(files: ["campaigns.kvs": Self.twoCampaigns])
        defer { try? FileManager.default.removeItem(at: directory) }
        for seed in ["1", "2", "3"] {
            let recorded = directory.appendingPathComponent("recorded-\(seed).kvs").path
            let original = try runKvrepl(args: ["--seed", seed, "--record", recorded, "campaigns.kvs"],
                                         currentDirectory: directory.path)
            let replay = try runKvrepl(args: [recorded], currentDirectory: directory.path)
            #expect(replay.status == original.status)
            #expect(original.out.split(separator: "\n").last == replay.out.split(separator: "\n").last)
            let text = try String(contentsOfFile: recorded, encoding: .utf8)
            #expect(text.split(separator: "\n").filter { $0.hasPrefix("stream chaos-s") && $0.hasSuffix(" retry 30s") }
                .count == 16)
        }
    }
}
