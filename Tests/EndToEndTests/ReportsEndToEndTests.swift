import Foundation
import Testing

/// The CI options of the real executable: `--junit`, `--json`, `--shard`, `--fail-fast`, `--jobs`,
/// `--echo`, and the seed headings of a sweep.
@Suite struct ReportsEndToEndTests {
    /// Fails on some seeds (a lost message times the write out): of 1..12, seeds 1, 2, 5, 6, 7, 8,
    /// 9 and 11 fail, and 3, 4, 10 and 12 pass.
    static let lossy = "add n1 n2 n3\nconfig loss=30%\nexpect ok put k a=1\n"
    static let failingOf1To12: [UInt64] = [1, 2, 5, 6, 7, 8, 9, 11]
    /// A script error on every seed, after one passed expectation.
    static let broken = "add n1 n2 n3\nexpect ok put k a=1\nrestart n1\n"

    static func failedSeeds(_ out: String) -> [UInt64] {
        out.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("seed "), line.contains(" failed") else { return nil }
            return UInt64(line.dropFirst(5).prefix { $0 != " " })
        }
    }

    @Test func junitHasACasePerSeedWithTheRightFailuresAndErrors() throws {
        let directory = try scratchDirectory(files: ["lossy.kvs": Self.lossy, "broken.kvs": Self.broken])
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report.xml")
        let result = try runKvrepl(args: ["--seeds", "1..6", "--quiet", "--junit", report.path, "lossy.kvs", "broken.kvs"],
                                   currentDirectory: directory.path)
        #expect(result.status == 2)
        #expect(result.out.hasSuffix("8 passed, 4 failed, 6 errors\n"))
        let root = try XMLCheck.parse(try String(contentsOf: report, encoding: .utf8))
        #expect(root.attributes["tests"] == "12" && root.attributes["failures"] == "4" && root.attributes["errors"] == "6")
        let suites = root.all("testsuite")
        #expect(suites.map { $0.attributes["name"] } == ["lossy.kvs", "broken.kvs"])
        let lossy = suites[0].all("testcase")
        #expect(lossy.map { $0.attributes["name"] } == (1...6).map { "seed \($0)" })
        #expect(lossy.filter { !$0.all("failure").isEmpty }.map { $0.attributes["name"] }
                == ["seed 1", "seed 2", "seed 5", "seed 6"])
        #expect(lossy.allSatisfy { Double($0.attributes["time"] ?? "") != nil })
        let failure = try #require(lossy[0].all("failure").first)
        #expect(failure.attributes["message"] == "FAIL lossy.kvs:3 expect ok put k a=1")
        #expect(failure.text.hasSuffix("reproduce with kvrepl --seed 1 lossy.kvs"))
        let broken = suites[1].all("testcase")
        #expect(broken.count == 6 && broken.allSatisfy { $0.all("error").count == 1 && $0.all("failure").isEmpty })
        #expect(broken[0].all("error").first?.attributes["message"]?.hasPrefix("broken.kvs:3:9: error: ") == true)
    }

    @Test func junitOfASingleRun() throws {
        let directory = try scratchDirectory(files: ["lossy.kvs": Self.lossy])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runKvrepl(args: ["--seed", "3", "--junit", "out.xml", "lossy.kvs"], currentDirectory: directory.path)
        #expect(result.status == 0)
        let root = try XMLCheck.parse(try String(contentsOf: directory.appendingPathComponent("out.xml"), encoding: .utf8))
        #expect(root.all("testcase").map { $0.attributes["name"] } == ["seed 3"])
        #expect(root.all("failure").isEmpty)
    }

    @Test func junitFileThatCannotBeWrittenIsAUsageError() throws {
        let result = try runKvrepl(args: ["--junit", "/no/such/dir/out.xml"], stdin: "add n1\n")
        #expect(result.status == 2)
        #expect(result.err.contains("--junit"))
        #expect(result.out.isEmpty)
    }

    @Test func jsonLinesParseAndCarryTypeAndVersion() throws {
        let script = "add n1 n2 n3\nput k a=1\nstream s k a\nat 1s { put k a=2 }\nadvance 2s\nexpect get k a=9\n"
            + "show nodes\nrestart n1\n"
        let result = try runKvrepl(args: ["--json"], stdin: script)
        #expect(result.status == 2)
        #expect(result.err.isEmpty)
        let lines = result.out.split(separator: "\n").map(String.init)
        var types: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            #expect(object["version"] as? Int == 1)
            types.append(try #require(object["type"] as? String))
        }
        for type in ["outcome", "view", "expectation", "text", "error", "summary"] {
            #expect(types.contains(type), "\(type) missing: \(types)")
        }
        #expect(types.last == "summary")
    }

    @Test func jsonSweepNamesFailedSeeds() throws {
        let result = try runKvrepl(args: ["--json", "--quiet", "--seeds", "1..3"], stdin: Self.lossy)
        let objects = try result.out.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let reproduce = objects.filter { $0["type"] as? String == "reproduce" }
        #expect(reproduce.compactMap { $0["seed"] as? Int } == [1, 2])
        #expect(reproduce.first?["command"] as? String == "kvrepl --seed 1 < SCRIPT (the script read from stdin)")
        let summary = try #require(objects.last)
        #expect(summary["type"] as? String == "summary" && summary["passed"] as? Int == 1 && summary["failed"] as? Int == 2)
    }

    /// Shards 1/N … N/N together run every seed of the range once, and each says which it ran.
    @Test func shardsTogetherRunEverySeedOnce() throws {
        var failed: [UInt64] = []
        var passed = 0
        for k in 1...5 {
            let result = try runKvrepl(args: ["--seeds", "1..12", "--shard", "\(k)/5", "--quiet"], stdin: Self.lossy)
            let lines = result.out.split(separator: "\n")
            #expect(lines.dropLast().last?.hasPrefix("shard \(k)/5: seeds ") == true, "\(result.out)")
            failed += Self.failedSeeds(result.out)
            passed += Int(lines.last?.prefix { $0 != " " } ?? "") ?? 0
        }
        #expect(failed == Self.failingOf1To12)
        #expect(passed == 12 - Self.failingOf1To12.count)
    }

    @Test func aShardWithNoSeedSaysSoAndExitsZero() throws {
        let result = try runKvrepl(args: ["--seeds", "1..2", "--shard", "3/4"], stdin: Self.lossy)
        #expect(result.status == 0)
        #expect(result.out == "shard 3/4: no seeds to run (1..2 has fewer seeds than shards)\n0 passed, 0 failed\n")
    }

    @Test func shardNeedsSeedsAndAValidPart() throws {
        let noSeeds = try runKvrepl(args: ["--shard", "1/2"], stdin: Self.lossy)
        #expect(noSeeds.status == 2 && noSeeds.err.contains("--seeds"))
        let bad = try runKvrepl(args: ["--seeds", "1..4", "--shard", "3/2"], stdin: Self.lossy)
        #expect(bad.status == 2 && bad.err.contains("3/2"))
    }

    /// The lowest failing seed, once, whatever the parallelism: of 3..12 that is 5.
    @Test(arguments: [1, 3, 8])
    func failFastReportsTheLowestFailingSeed(jobs: Int) throws {
        let result = try runKvrepl(args: ["--seeds", "3..12", "--fail-fast", "--jobs", "\(jobs)"], stdin: Self.lossy)
        #expect(result.status == 1)
        #expect(Self.failedSeeds(result.out) == [5])
        #expect(result.out.hasSuffix("seed 5 failed: reproduce with kvrepl --seed 5 < SCRIPT (the script read from stdin)\n"
            + "2 passed, 1 failed\n"))
    }

    @Test func jobsDoNotChangeASweepsOutput() throws {
        let one = try runKvrepl(args: ["--seeds", "1..12", "--jobs", "1"], stdin: Self.lossy)
        let many = try runKvrepl(args: ["--seeds", "1..12", "--jobs", "5"], stdin: Self.lossy)
        #expect(one.out == many.out && one.status == many.status)
        #expect(Self.failedSeeds(one.out) == Self.failingOf1To12)
        let zero = try runKvrepl(args: ["--seeds", "1..2", "--jobs", "0"], stdin: Self.lossy)
        #expect(zero.status == 2 && zero.err.contains("--jobs"))
    }

    @Test func aSweepHeadsEachSeedsOutputWithItsSeed() throws {
        let result = try runKvrepl(args: ["--seeds", "3..4"], stdin: Self.lossy)
        #expect(result.out == """
            == seed 3 (<stdin>) ==
            put k: ok (n1, 2 acks)
            PASS <stdin>:3 expect ok put k a=1
            == seed 4 (<stdin>) ==
            put k: ok (n1, 2 acks)
            PASS <stdin>:3 expect ok put k a=1
            2 passed, 0 failed

            """)
    }

    @Test func echoPrintsEachCommandWithItsTime() throws {
        let result = try runKvrepl(args: ["--echo"], stdin: "add n1 n2 n3\nput k a=1\nrepeat 2 { advance $is }\n")
        #expect(result.out == """
            kvrepl 0s> add n1 n2 n3
            kvrepl 0s> put k a=1
            put k: ok (n1, 2 acks)
            kvrepl 23.218ms> advance 1s
            kvrepl 1.023218s> advance 2s
            0 passed, 0 failed

            """)
    }

    /// No progress line when stderr is not a terminal, even on a long sweep.
    @Test func noProgressLineInAPipe() throws {
        let result = try runKvrepl(args: ["--seeds", "1..40", "--quiet"], stdin: "add n1 n2 n3\nadvance 1h\n")
        #expect(result.err.isEmpty)
        #expect(result.out == "0 passed, 0 failed\n")
    }
}

/// The progress line, on a pseudo-terminal (stderr a terminal).
@Suite struct ProgressEndToEndTests {
    @Test func aSweepShowsSeedsDoneFailuresRateAndTimeLeft() throws {
        let directory = try scratchDirectory(files: ["lossy.kvs": ReportsEndToEndTests.lossy])
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = try KvreplOnTerminal(args: ["--seeds", "1..6", "--jobs", "1", "--quiet",
                                                   directory.appendingPathComponent("lossy.kvs").path],
                                            environment: ["KVREPL_PROGRESS_DELAY": "0"])
        try terminal.waitFor("passed, ")
        #expect(try terminal.waitForExit() == 1)
        #expect(terminal.screen.contains("\r\u{1B}[Kseeds 1/6, 1 failed, "))
        #expect(terminal.screen.contains("seeds 6/6, 4 failed, "))
        #expect(terminal.screen.contains(" seeds/s, "))
        #expect(terminal.screen.contains("s left"))
    }

    @Test func aLongRunShowsTheVirtualTimeReached() throws {
        let directory = try scratchDirectory(files: ["long.kvs": "add n1 n2 n3\nadvance 2h\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = try KvreplOnTerminal(args: [directory.appendingPathComponent("long.kvs").path],
                                            environment: ["KVREPL_PROGRESS_DELAY": "0"])
        try terminal.waitFor("0 passed, 0 failed", seconds: 60)
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.screen.contains("\r\u{1B}[Kvirtual time "))
    }

    /// At the prompt, a long `advance` shows the virtual time reached; Ctrl-C stops it at a time
    /// given in days, hours and minutes too.
    @Test func aLongAdvanceAtThePromptShowsProgressAndStopsAtAReadableTime() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("kvrepl-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let terminal = try KvreplOnTerminal(environment: ["XDG_STATE_HOME": state.path, "KVREPL_PROGRESS_DELAY": "0"],
                                            controllingTerminal: true)
        try terminal.waitFor("kvrepl 0s> ")
        terminal.type("add n1 n2 n3\r")
        try terminal.waitFor("kvrepl 0s> ", count: 2)
        terminal.type("advance 1000h\r")
        try terminal.waitFor("\r\u{1B}[Kvirtual time ")
        try terminal.waitFor("h 0m)", seconds: 120)  // an hour reached
        terminal.type("\u{3}")
        try terminal.waitFor("error: interrupted at ")
        try terminal.waitFor("> ", count: 3)
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
        let message = terminal.screen.split(whereSeparator: \.isNewline).first { $0.contains("error: interrupted at ") } ?? ""
        #expect(message.contains("s (") && message.contains("h ") && message.hasSuffix("m)"), "\(message)")
    }
}
