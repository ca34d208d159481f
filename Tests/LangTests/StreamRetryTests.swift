import Testing
@testable import Lang

/// `stream … retry DURATION`, and the campaigns that open their streams with it: a failed try is
/// printed and never counted, only a stream that never opened is an error (for a campaign, a name
/// in its summary), and a later campaign numbers its streams after those used before.
@Suite struct StreamRetryTests {
    @Test func retryParsesAsTheLastWordsOfTheLine() throws {
        #expect(try described("stream s k a b initial retry 5s") == ["stream s k a b initial retry 5000000"])
        #expect(try described("stream s k a retry 1.5s") == ["stream s k a retry 1500000"])
        #expect(try described("repeat 2 {\n  stream s$i k a retry $is\n}") == ["repeat 2 { stream s$i k a retry $is }"])
        #expect(try described("stream s k a")[0] == "stream s k a")
    }

    @Test func retryWritesBackAsWritten() throws {
        let script = try load("stream s k a initial retry 90s")
        #expect(script.commands[0].source() == "stream s k a initial retry 90s")
    }

    @Test func retryNeedsADuration() {
        expectError("stream s k a retry", "`retry` needs a duration after it: stream NAME KEY FIELD… [initial] "
                    + "[retry DURATION]", at: 1, 14)
        expectError("stream s k a retry 5x", "bad value `5x`: expected a duration such as 250ms, 1.5s, 2m or 1h "
                    + "(ms, s, m or h, from 0 to 1000h, in whole microseconds)", at: 1, 20)
        expectError("stream s k retry 5s", "`stream` needs at least one field name: stream NAME KEY FIELD… "
                    + "[initial] [retry DURATION]", at: 1, 1)
    }

    /// Every try fails (two of three replicas killed): each is printed, none counted, and the
    /// stream that never opened is an error naming its tries.
    @Test func aStreamThatNeverOpensIsAnErrorAfterItsTries() {
        let run = runScript("add n1 n2 n3\nkill n1\nkill n2\nstream s k a retry 3s\necho never\n")
        #expect(run.outcome == .scriptError)
        #expect(run.output.components(separatedBy: "stream s: failed: timed out after 1s\n").count - 1 == 3,
                "\(run.output)")
        #expect(run.errors.hasPrefix("main.kvs:4:1: error: stream registration failed: timed out after 1s, "
                                     + "3 tries in 3s: the stream never opened\n"), "\(run.errors)")
        #expect(run.passed == 0 && run.failed == 0)
        #expect(!run.output.contains("never\n"))
    }

    /// A node restarted while the stream tries: a later try opens it, and nothing is counted.
    @Test func aStreamOpensOnALaterTry() {
        let run = runScript("add n1 n2 n3\nkill n1\nkill n2\nat 1500ms { restart n1 }\nstream s k a retry 1m\n"
                            + "put k a=1\nexpect stream s next a=1\n")
        #expect(run.outcome == .finished, "\(run.errors)")
        #expect(run.output.contains("stream s: failed: timed out after 1s\n"), "\(run.output)")
        #expect(run.output.contains("stream s on k [a]: open"), "\(run.output)")
        #expect(run.passed == 1 && run.failed == 0, "\(run.output)")
    }

    @Test func expectFailOfAStreamWithRetryCountsOnce() {
        let run = runScript("add n1 n2 n3\nkill n1\nkill n2\nexpect fail stream s k a retry 2s\n"
                            + "expect ok stream t k a retry 1s\n")
        #expect(run.outcome == .finished, "\(run.errors)")
        #expect(run.passed == 1 && run.failed == 1, "\(run.output)")
    }

    /// Tries start a `timeout` apart: one that fails at once is not tried again at once.
    @Test func triesThatFailAtOnceAreSpacedByTheTimeout() {
        let run = runScript("config replicas=3 write=3\nadd n1 n2\nstream s k a retry 3s\n")
        #expect(run.outcome == .scriptError)
        #expect(run.output.components(separatedBy: "stream s: failed:").count - 1 == 3, "\(run.output)")
    }

    /// Two campaigns under loss: no try of a campaign stream counts, the second numbers its streams
    /// after the first's, and every stream stays open afterwards.
    @Test func campaignsUnderLossCountNothingOfTheirOwn() {
        for seed: UInt64 in 1...3 {
            let run = runScript("config loss=10%\nadd n1 n2 n3 n4 n5\nchaos 10s ops=20 keys=4 streams=4\n"
                                + "chaos 10s ops=20 keys=4 streams=4\nexpect stream chaos-s8 count 0\n",
                                seed: seed)
            #expect(run.outcome == .finished, "seed \(seed): \(run.errors)")
            #expect(!run.output.contains("PASS main.kvs:3") && !run.output.contains("PASS main.kvs:4"),
                    "seed \(seed): \(run.output)")
            #expect(run.output.contains("stream chaos-s5 on chaos-k"), "seed \(seed): \(run.output)")
            #expect(run.passed + run.failed == 1, "seed \(seed)")
        }
    }

    /// A campaign stream that never opened is named in the campaign's summary: not an error.
    @Test func aCampaignStreamThatNeverOpensIsNamedInTheSummary() {
        let run = runScript("add n1 n2 n3\nconfig loss=100%\nchaos 2s ops=2 keys=1 streams=2\necho after\n")
        #expect(run.outcome == .finished, "\(run.errors)")
        #expect(run.output.contains("2 streams (never opened: chaos-s1, chaos-s2); faults:"), "\(run.output)")
        #expect(run.output.contains("after\n"))
        #expect(run.passed == 0 && run.failed == 0)
    }
}
