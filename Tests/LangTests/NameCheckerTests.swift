import Testing
@testable import Lang

/// The static name check: nodes used before an `add`, streams used while not open.
@Suite struct NameCheckerTests {
    func check(_ text: String, nodes: Set<String> = [], streams: Set<String> = [],
               files: [String: String] = [:]) throws(ScriptError) {
        var checker = NameChecker(nodes: nodes, streams: streams)
        try checker.check(try load(text, files: files))
    }

    func checkError(_ text: String, nodes: Set<String> = [], streams: Set<String> = [],
                    files: [String: String] = [:]) -> ScriptError? {
        do {
            try check(text, nodes: nodes, streams: streams, files: files)
            return nil
        } catch {
            return error
        }
    }

    /// Every place a node word is checked, with an unknown `n9` there.
    static let nodeUses = [
        "remove n9", "kill n9", "kill n9 wipe", "restart n9", "pause n9", "resume n9", "isolate n9",
        "partition n1 | n9", "put k a=1 via n9", "get k via n9", "delete k a via n9",
        "expect get k a=1 via n9", "expect get k absent via n9", "expect owners k n1 n9",
        "expect n9 sees n1 up", "expect n1 sees n9 down", "expect ok put k a=1 via n9",
        "expect fail get k via n9", "at 1s { kill n9 }", "repeat 2 {\n  pause n9\n}",
    ]

    @Test(arguments: nodeUses) func unknownNode(_ use: String) throws {
        let error = try #require(checkError("add n1\n" + use))
        #expect(error.message == "unknown node `n9` (no `add n9` before this line)")
        #expect(error.range.file.lines[error.range.line - 1].contains("n9"))
        #expect(error.range.length == 2)
    }

    /// Every place a stream word is checked, with an unknown `s9` there.
    static let streamUses = [
        "close s9", "disconnect s9", "reconnect s9", "expect stream s9 next", "expect stream s9 last a=1",
        "expect stream s9 count 0", "expect stream s9 empty",
    ]

    @Test(arguments: streamUses) func unknownStream(_ use: String) throws {
        let error = try #require(checkError("add n1\n" + use))
        #expect(error.message == "unknown stream `s9` (no `stream s9 …` open before this line)")
        #expect(error.range.line == 2)
    }

    @Test func locationAndSuggestion() throws {
        let error = try #require(checkError("add node1 node2\nkill node3"))
        #expect((error.range.line, error.range.column) == (2, 6))
        #expect(error.suggestion == "node1")
    }

    @Test func addedNodesAndKnownNodesPass() throws {
        try check("add n1 n2\nkill n1\nremove n1\nrestart n1\npartition n1 | n2 n3", nodes: ["n3"])
    }

    @Test func nodeUsedBeforeItsAddFails() throws {
        let error = try #require(checkError("kill n1\nadd n1"))
        #expect(error.range.line == 1)
    }

    @Test func streamsOpenAndClose() throws {
        try check("stream s k a\nexpect stream s empty\nclose s\nstream s k b\nreconnect s")
        let error = try #require(checkError("stream s k a\nclose s\ndisconnect s"))
        #expect(error.range.line == 3)
        #expect(error.message == "unknown stream `s` (no `stream s …` open before this line)")
    }

    @Test func expectOkStreamOpensButExpectFailStreamDoesNot() throws {
        try check("expect ok stream s k a\nclose s")
        #expect(checkError("expect fail stream s k a\nclose s")?.range.line == 2)
    }

    @Test func theREPLsOpenStreamsCount() throws {
        try check("expect stream live next", streams: ["live"])
    }

    @Test func streamSuggestion() throws {
        #expect(checkError("stream alpha k a\nclose alpah")?.suggestion == "alpha")
    }

    @Test func chaosOpensItsStreams() throws {
        try check("add n1\nchaos 10s streams=2\nexpect stream chaos-s2 empty\nclose chaos-s1")
        #expect(checkError("add n1\nchaos 10s streams=2\nexpect stream chaos-s3 empty") != nil)
        #expect(checkError("add n1\nchaos 10s streams=2\nexpect stream chaos-s02 empty") != nil)
        #expect(checkError("expect stream chaos-s1 empty") != nil)
    }

    /// A campaign's stream closed is closed: using it again is caught before the run.
    @Test func aClosedChaosStreamIsNotOpen() throws {
        let error = try #require(checkError("add n1\nchaos 10s streams=2\nclose chaos-s1\nexpect stream chaos-s1 empty"))
        #expect(error.message == "unknown stream `chaos-s1` (no `stream chaos-s1 …` open before this line)")
        #expect((error.range.line, error.range.column) == (4, 15))
        try check("add n1\nchaos 10s streams=2\nclose chaos-s1\nexpect stream chaos-s2 empty")
        try check("add n1\nchaos 10s streams=2\nclose chaos-s1\nclose chaos-s2\nchaos 5s streams=3\nclose chaos-s3")
    }

    /// A later campaign numbers its streams after the highest `chaos-sN` used so far, so it never
    /// meets one that is open.
    @Test func aLaterCampaignNumbersItsStreamsAfterTheHighestUsed() throws {
        try check("add n1\nchaos 10s streams=2\nchaos 10s streams=1\nexpect stream chaos-s3 empty\nclose chaos-s1")
        #expect(checkError("add n1\nchaos 10s streams=2\nchaos 10s streams=1\nexpect stream chaos-s4 empty") != nil)
        try check("add n1\nstream chaos-s7 k a\nchaos 10s streams=2\nexpect stream chaos-s9 empty")
        #expect(checkError("add n1\nstream chaos-s7 k a\nchaos 10s streams=2\nexpect stream chaos-s1 empty") != nil)
        // Closed streams keep their numbers: the next campaign does not reuse them.
        try check("add n1\nchaos 10s streams=3\nclose chaos-s1\nchaos 10s streams=2\nexpect stream chaos-s5 empty")
        #expect(checkError("add n1\nchaos 10s streams=3\nclose chaos-s1\nchaos 10s streams=2\nclose chaos-s1") != nil)
        // A stream expected to fail used its number too.
        try check("add n1\nexpect fail stream chaos-s4 k a\nchaos 1s streams=1\nclose chaos-s5")
        // The REPL's earlier lines: open streams and the numbers the run used.
        try check("add n1\nchaos 1s streams=1\nclose chaos-s2", streams: ["chaos-s1"])
        var checker = NameChecker(nodes: ["n1"], streams: [], chaosStreamsUsed: 6)
        try checker.check(try load("chaos 1s streams=1\nclose chaos-s7"))
    }

    @Test func wordsHoldingTheIterationAreLeftForRunTime() throws {
        try check("add n1\nrepeat 3 {\n  kill n$i\n  close s$i\n  expect n$i sees n1 up\n}")
        // A node added as `n$i` is not known statically.
        #expect(checkError("repeat 3 { add n$i }\nkill n1") != nil)
    }

    @Test func includesAreCheckedInFileOrder() throws {
        let files = ["setup.kvs": "add n1 n2\nstream s k a", "bad.kvs": "\nkill n7"]
        try check("include setup.kvs\nkill n2\nclose s", files: files)
        let error = try #require(checkError("add n1\ninclude bad.kvs", files: files))
        #expect(error.range.file.path == "bad.kvs")
        #expect(error.range.line == 2)
    }

    @Test func namesAddedInAnIncludeAreKnownAfterIt() throws {
        #expect(checkError("kill n1\ninclude setup.kvs", files: ["setup.kvs": "add n1"]) != nil)
    }

    @Test func checkerKeepsWhatItLearnt() throws {
        var checker = NameChecker(nodes: [], streams: [])
        try checker.check(try load("add n1\nstream s k a"))
        try checker.check(try load("kill n1\nclose s"))
        #expect(checker.nodes == ["n1"])
        #expect(checker.streams.isEmpty)
    }

    @Test func nameRules() {
        #expect(NameRules.problem(with: "n1", naming: "node") == nil)
        #expect(NameRules.problem(with: "user$i", naming: "node") == nil)
        #expect(NameRules.problem(with: "_a-b_9", naming: "stream") == nil)
        #expect(NameRules.problem(with: "sees", naming: "node") == "`sees` is a reserved word and cannot name a node")
        #expect(NameRules.problem(with: "9a", naming: "stream")
                == "`9a` is not a valid stream name: a name starts with a letter or `_` and holds only letters, "
                + "digits, `_` and `-`")
        #expect(NameRules.problem(with: "", naming: "node") != nil)
        #expect(NameRules.problem(with: "nö", naming: "node") != nil)
    }
}
