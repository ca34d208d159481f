import ArgumentParser
import Testing
@testable import REPL

@Suite struct CommandLineTests {
    @Test func defaults() throws {
        let command = try KvreplCommand.parse([])
        #expect(command.files.isEmpty)
        #expect(command.seed == nil && command.seeds == nil)
        #expect(!command.trace && !command.quiet && command.record == nil)
    }

    @Test func everyOption() throws {
        let command = try KvreplCommand.parse(["a.kvs", "b.kvs", "--seeds", "3..7", "--trace", "--quiet"])
        #expect(command.files == ["a.kvs", "b.kvs"])
        #expect(command.seeds == SeedRange(lower: 3, upper: 7))
        #expect(command.trace && command.quiet)
        #expect(try KvreplCommand.parse(["--seed", "18446744073709551615"]).seed == UInt64.max)
        #expect(try KvreplCommand.parse(["--record", "out.kvs"]).record == "out.kvs")
    }

    @Test func seedAndSeedsTogetherIsAUsageError() {
        #expect(throws: (any Error).self) { try KvreplCommand.parse(["--seed", "1", "--seeds", "1..2"]) }
    }

    @Test func reversedSeedRangeIsAUsageError() {
        #expect(throws: (any Error).self) { try KvreplCommand.parse(["--seeds", "5..3"]) }
        #expect(throws: Never.self) { try KvreplCommand.parse(["--seeds", "3..3"]) }
    }

    @Test func badSeedValues() {
        for value in ["-1", "abc", "18446744073709551616", "1.5"] {
            #expect(throws: (any Error).self, "\(value)") { try KvreplCommand.parse(["--seed", value]) }
        }
    }

    @Test(arguments: ["1..2", "0..18446744073709551615", "7..7"])
    func seedRangeParses(text: String) throws {
        let range = try #require(SeedRange(argument: text))
        #expect(range.isOrdered)
    }

    @Test(arguments: ["", "1", "1..", "..2", "1...2", "1.2", "a..b", "1..2..3", "-1..2", "1..18446744073709551616"])
    func seedRangeRejects(text: String) {
        #expect(SeedRange(argument: text) == nil)
    }

    @Test func seedRangeSeeds() {
        #expect(SeedRange(lower: 2, upper: 4).seeds.map(Array.init) == [2, 3, 4])
        #expect(SeedRange(lower: 5, upper: 3).seeds == nil)
    }

    @Test func versionText() {
        #expect(KvreplCommand.version == "kvrepl 0.1.0")
    }
}
