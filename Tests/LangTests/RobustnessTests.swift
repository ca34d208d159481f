import Testing
import Cluster
@testable import Lang

extension SplitMix64 {
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Nothing a user can type may crash, trap or hang the front end.
@Suite struct RobustnessTests {
    /// Pieces that make random text look like scripts, so the parser gets past the first word.
    static let pieces: [String] = Vocabulary.commands + Vocabulary.keywords + Vocabulary.configKeys + [
        " ", " ", " ", "\n", "\n", "\t", "{", "}", "|", "=", "\"", "\\", "#", "$i", "n1", "k", "a=1", "1",
        "5s", "1.5", "ms", "%", "..", "é", "日", "\r", "\r\n", "\u{0}", "\u{FEFF}", "99999999999999999999",
        "-", "include", "x.kvs", "\"q\\\"\"",
    ]

    @Test func randomInputsGiveAScriptOrAnError() {
        var random = SplitMix64(state: 0x6b76_7265_706c)
        let files = ["x.kvs": "add n1\nrepeat 2 { put k$i a=1 }", "y.kvs": "include x.kvs\ninclude y.kvs"]
        var scripts = 0, errors = 0
        for round in 0..<3_000 {
            var text = ""
            if round % 3 == 0 {
                // Raw bytes, repaired into a String as a file read would.
                var bytes: [UInt8] = []
                for _ in 0..<random.below(200) { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
                text = String(decoding: bytes, as: UTF8.self)
            } else {
                for _ in 0..<random.below(60) { text += Self.pieces[random.below(Self.pieces.count)] }
            }
            do {
                let script = try load(text, files: files)
                var checker = NameChecker(nodes: ["n1"], streams: [])
                try checker.check(script)
                scripts += 1
            } catch {
                errors += 1
                #expect(error.range.line >= 1)
                #expect(error.range.column >= 1)
                #expect(!error.rendered.isEmpty)
            }
        }
        #expect(scripts + errors == 3_000)
        #expect(scripts > 0)
        #expect(errors > 0)
    }

    @Test func aOneMegabyteLine() throws {
        let words = String(repeating: "abcdefgh ", count: 1 << 17)
        #expect(try described("echo " + words).first?.count == 5 + words.count - 1)
        let quoted = "echo \"" + String(repeating: "é", count: 1 << 19) + "\" ;"
        let error = try #require(loadError(quoted))
        #expect(error.range.column == 8 + (1 << 19) + 1)
        let unclosed = "put k a=\"" + String(repeating: "x", count: 1 << 20)
        #expect(loadError(unclosed)?.range.column == 9)
        #expect(loadError("advance " + String(repeating: "9", count: 1 << 20) + "s") != nil)
    }

    @Test func tenThousandNestedBraces() {
        let braces = String(repeating: "{", count: 10_000)
        #expect(loadError(braces)?.message == "`{` opens a block only after `repeat N` or `at TIME`")
        let repeats = String(repeating: "repeat 1 {\n", count: 10_000)
        #expect(loadError(repeats)?.message == "blocks and includes nest more than 100 levels deep")
        let inline = String(repeating: "repeat 1 { ", count: 10_000) + "heal" + String(repeating: " }", count: 10_000)
        #expect(loadError(inline)?.message == "blocks and includes nest more than 100 levels deep")
        let closers = String(repeating: "}\n", count: 10_000)
        #expect(loadError(closers)?.message == "`}` closes no block: there is no open `{` before it")
    }

    @Test func manyLinesParse() throws {
        var text = "add n1 n2 n3\n"
        for i in 0..<20_000 { text += "put user\(i) balance=\(i) name=\"User \(i)\" via n2\n" }
        let script = try load(text)
        #expect(script.commands.count == 20_001)
        var checker = NameChecker(nodes: [], streams: [])
        try checker.check(script)
    }
}
