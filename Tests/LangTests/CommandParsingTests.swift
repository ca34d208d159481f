import Testing
@testable import Lang

/// Every command and form of docs/language.md "Commands", parsed from one line.
@Suite struct CommandParsingTests {
    static let table: [(String, String)] = [
        // Cluster and network
        ("config", "config"),
        ("config replicas=5 read=3 write=1 vnodes=16 fanout=3",
         "config replicas=5 read=3 write=1 vnodes=16 fanout=3"),
        ("config gossip=500ms suspect=2s rehash=1m antientropy=1.5s timeout=250ms",
         "config gossip=500000us suspect=2000000us rehash=60000000us antientropy=1500000us timeout=250000us"),
        ("config renew=2s", "config renew=2000000us"),
        ("config latency=5ms", "config latency=5000us..5000us"),
        ("config latency=1ms..10ms loss=0.5%", "config latency=1000us..10000us loss=5000ppm"),
        ("config loss=100% replicas=\"2\"", "config loss=1000000ppm replicas=2"),
        ("seed 0", "seed 0"),
        ("seed 18446744073709551615", "seed 18446744073709551615"),
        ("add n1", "add n1"),
        ("add n1 n2 _x node-3", "add n1 n2 _x node-3"),
        ("add \"n4\"", "add \"n4\""),
        ("remove n1", "remove n1"),
        ("kill n1", "kill n1"),
        ("kill n1 wipe", "kill n1 wipe"),
        ("restart n1", "restart n1"),
        ("pause n1", "pause n1"),
        ("resume n1", "resume n1"),
        ("partition n1 n2 | n3", "partition n1 n2 | n3"),
        ("partition n1|n2|n3 n4", "partition n1 | n2 | n3 n4"),
        ("isolate n2", "isolate n2"),
        ("heal", "heal"),
        // Client operations
        ("put Alice balance=100", "put Alice balance=100"),
        ("put Alice a=1 b=\"two words\" c=\"\" via n1", "put Alice a=1 b=\"two words\" c=\"\" via n1"),
        ("put \"a key\" x=y", "put \"a key\" x=y"),
        ("put via a=1", "put via a=1"),
        ("get Alice", "get Alice"),
        ("get Alice balance name via n2", "get Alice balance name via n2"),
        ("delete Alice", "delete Alice"),
        ("delete Alice balance via n3", "delete Alice balance via n3"),
        // Live queries
        ("stream s Alice balance", "stream s Alice balance"),
        ("stream s Alice balance name initial", "stream s Alice balance name initial"),
        // `initial`, `only` and `via` are options only as the last words: elsewhere they are words.
        ("stream s k initial a", "stream s k initial a"),
        ("get k via only x", "get k via only x"),
        ("close s", "close s"),
        ("disconnect s", "disconnect s"),
        ("reconnect s", "reconnect s"),
        // Time
        ("advance 20s", "advance 20000000"),
        ("advance 0ms", "advance 0"),
        ("advance 1000h", "advance 3600000000000"),
        ("wait converged", "wait converged"),
        ("wait converged within 30s", "wait converged within 30000000"),
        ("at 12.5s { put k a=1 }", "at 12500000 { put k a=1 }"),
        // Expectations
        ("expect get Alice balance=121", "expect get Alice balance=121"),
        ("expect get Alice a=1 b=2 only", "expect get Alice a=1 b=2 only"),
        ("expect get Alice a=1 only via n1", "expect get Alice a=1 only via n1"),
        ("expect get Alice a=1 via n1 only", "expect get Alice a=1 only via n1"),
        ("expect get Alice absent", "expect get Alice absent"),
        ("expect get Alice absent via n2", "expect get Alice absent via n2"),
        ("expect stream s next balance=110", "expect stream s next balance=110"),
        ("expect stream s next", "expect stream s next"),
        ("expect stream s last balance=121 name=x", "expect stream s last balance=121 name=x"),
        ("expect stream s count 3", "expect stream s count 3"),
        ("expect stream s empty", "expect stream s empty"),
        ("expect owners Alice n1 n2 n3", "expect owners Alice n1 n2 n3"),
        ("expect n1 sees n2 up", "expect n1 sees n2 up"),
        ("expect n1 sees n2 down", "expect n1 sees n2 down"),
        ("expect converged", "expect converged"),
        ("expect ok put k a=1 via n1", "expect ok put k a=1 via n1"),
        ("expect ok get k", "expect ok get k"),
        ("expect fail delete k a", "expect fail delete k a"),
        ("expect fail stream s k a initial", "expect fail stream s k a initial"),
        // Fault campaigns and checking
        ("chaos 30s", "chaos 30000000 ops=200 keys=20 streams=0"),
        ("chaos 1m ops=1000 keys=5 streams=2", "chaos 60000000 ops=1000 keys=5 streams=2"),
        ("check", "check"),
        ("check within 2m", "check within 120000000"),
        // Inspection and scripting
        ("show ring", "show ring"),
        ("show ring tokens", "show ring tokens"),
        ("show nodes", "show nodes"),
        ("show key Alice", "show key Alice"),
        ("show streams", "show streams"),
        ("show stats", "show stats"),
        ("show convergence", "show convergence"),
        ("echo", "echo"),
        ("echo hello \"big world\" a=b | x", "echo hello \"big world\" a=b | x"),
        ("trace on", "trace on"),
        ("trace off", "trace off"),
        ("repeat 3 { put k$i a=$i }", "repeat 3 { put k$i a=$i }"),
        ("repeat 0 { }", "repeat 0 { }"),
        ("help", "help"),
        ("help put", "help put"),
        ("quit", "quit"),
    ]

    @Test(arguments: table)
    func parses(_ source: String, _ expected: String) throws {
        #expect(try described(source) == [expected])
    }

    /// What a command writes back (output, `--record`) parses back to the same command, which
    /// writes itself back the same way: every command's source text, declared or not. (A word may
    /// lose quotes it did not need: `add "n4"` is written `add n4`.)
    @Test(arguments: table)
    func sourceParsesBackToTheSameCommand(_ source: String, _ expected: String) throws {
        let written = try load(source).commands.map { $0.source() }.joined(separator: "\n")
        let rewritten = try load(written).commands.map { $0.source() }.joined(separator: "\n")
        #expect(rewritten == written)
        if !source.contains("\"") && !source.hasPrefix("echo") {
            #expect(try described(written) == [expected], "\(written)")
        }
    }

    @Test func commandRangeIsTheFirstWord() throws {
        let script = try load("\n   put k a=1   # comment\n")
        let range = try #require(script.commands.first).range
        #expect((range.line, range.column, range.length) == (2, 4, 3))
    }

    @Test func expectOkKeepsTheInnerCommandRange() throws {
        let script = try load("expect ok  put k a=1")
        guard case .ok(let inner)? = (try #require(script.commands.first).declared.arguments as? ExpectArguments)?
            .expectation else {
            Issue.record("not an expect ok")
            return
        }
        #expect(inner.range.column == 12)
    }

    @Test func assignmentRangesCoverFieldAndValue() throws {
        let script = try load("put k name=\"Zoë\" b=2")
        guard let fields = (try #require(script.commands.first).declared.arguments as? PutArguments)?.fields else {
            Issue.record("not a put")
            return
        }
        #expect(fields[0].field.range.column == 7)
        #expect(fields[0].value.range.column == 12)
        #expect(fields[0].value.range.length == 5)
        #expect(fields[0].value.text == "Zoë")
        #expect(fields[0].value.quoted)
        #expect(fields[1].field.range.column == 18)
    }

    @Test func echoOfAnAssignmentIsOneWord() throws {
        let script = try load("echo a=\"x y\"")
        guard case .declared(let declared) = try #require(script.commands.first).kind,
              let words = (declared.arguments as? EchoArguments)?.words else {
            Issue.record("not an echo")
            return
        }
        #expect(words.map(\.text) == ["a=x y"])
        #expect(words[0].range.column == 6)
        #expect(words[0].range.length == 7)
    }

    @Test func everyCommandWordHasAParsedForm() {
        // `include` needs files to read: IncludeTests covers it.
        let covered = Set(Self.table.map { String($0.0.split(separator: " ")[0]) } + ["include"])
        #expect(covered == Set(Vocabulary.commands))
    }
}
