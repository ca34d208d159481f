import Testing
@testable import Lang

@Suite struct LexingTests {
    /// A token read back through its file, as the parser reads it.
    struct ReadToken {
        var kind: Token.Kind
        var display: String
        var word: Word
        var value: Word?
        var range: SourceRange
    }

    func tokens(_ line: String) throws(ScriptError) -> [ReadToken] {
        let file = SourceFile(path: "t.kvs", text: line)
        var tokens: [Token] = []
        try Lexer.lex(1, of: file, into: &tokens)
        return tokens.map { token in
            ReadToken(kind: token.kind, display: file.display(token), word: file.word(token.word),
                      value: token.value.map(file.word), range: file.range(token))
        }
    }

    @Test func commentsAndBlanks() throws {
        #expect(try tokens("#!/usr/bin/env kvrepl").isEmpty)
        #expect(try tokens("  \t ").isEmpty)
        #expect(try tokens("echo a#b c").map(\.display) == ["echo", "a"])
        #expect(try tokens("echo \"a#b\" # c").map(\.display) == ["echo", "\"a#b\""])
    }

    @Test func escapes() throws {
        let word = try #require(try tokens(#"echo "q\" b\\ n\n t\t""#).last).word
        #expect(word.text == "q\" b\\ n\n t\t")
        #expect(word.quoted)
        #expect(try tokens("echo \"\"").last?.word.text == "")
    }

    @Test func punctuationNeedsNoBlanks() throws {
        let kinds = try tokens("repeat 2{put k a=1}|x").map(\.kind)
        #expect(kinds == [.word, .word, .openBrace, .word, .word, .assignment, .closeBrace, .pipe, .word])
    }

    @Test func assignments() throws {
        let all = try tokens("put k a=\"\" b=x:y/z@1+2*3% c=\"v w\"")
        #expect(all.map(\.display) == ["put", "k", "a=\"\"", "b=x:y/z@1+2*3%", "c=\"v w\""])
        #expect(all[2].value?.text == "")
        #expect(all[4].range.column == 27)
        #expect(all[4].range.length == 7)
    }

    @Test func columnsCountCharactersAfterUnicode() throws {
        let all = try tokens("echo \"日本語\" \"e\u{301}\" x")
        #expect(all.map(\.word.range.column) == [1, 6, 12, 16])
        #expect(all[1].word.range.length == 5)
        #expect(all[2].word.range.length == 3)
    }

    @Test func errorColumnAfterUnicode() {
        expectError("echo \"日本\" ;", "`;` cannot appear outside quotes: bare words hold letters, digits and "
                    + ". _ - : / @ + $ * %; put the word in double quotes (\"…\") or remove it", at: 1, 11)
    }

    @Test func bomAndCRLF() throws {
        #expect(try described("\u{FEFF}add n1\r\nheal\r\n") == ["add n1", "heal"])
    }

    @Test func emptyScripts() throws {
        #expect(try described("").isEmpty)
        #expect(try described("\n\n# only a comment\n").isEmpty)
    }
}

@Suite struct ValueTests {
    @Test func durations() {
        #expect(Values.duration("250ms") == 250_000)
        #expect(Values.duration("2s") == 2_000_000)
        #expect(Values.duration("1.5s") == 1_500_000)
        #expect(Values.duration("1m") == 60_000_000)
        #expect(Values.duration("2h") == 7_200_000_000)
        #expect(Values.duration("0.001ms") == 1)
        #expect(Values.duration("1.50000000000000000000000000s") == 1_500_000)
        #expect(Values.duration("0.000001s") == 1)
        #expect(Values.duration("0.0000001s") == nil)
        #expect(Values.duration("1000h") == 3_600_000_000_000)
        #expect(Values.duration("1000.000001h") == nil)
        #expect(Values.duration("999999999999999999999999h") == nil)
        #expect(Values.duration("9223372036854775807ms") == nil)
        for bad in ["", "s", "ms", "5", ".5s", "5.s", "1e3ms", "+1s", "-1s", "1us", "1d", "1.2.3s", "1 s", "1,5s"] {
            #expect(Values.duration(bad) == nil, "\(bad)")
        }
    }

    @Test func percentages() {
        #expect(Values.percent("0%") == 0)
        #expect(Values.percent("0.5%") == 5_000)
        #expect(Values.percent("0.0001%") == 1)
        #expect(Values.percent("100%") == 1_000_000)
        #expect(Values.percent("100.0%") == 1_000_000)
        for bad in ["100.0001%", "0.00001%", "5", "%", "-1%", "1e2%", "99999999999999999999%"] {
            #expect(Values.percent(bad) == nil, "\(bad)")
        }
    }

    @Test func counts() {
        #expect(Values.count("0") == 0)
        #expect(Values.count("007") == 7)
        #expect(Values.count("1000000000") == 1_000_000_000)
        for bad in ["1000000001", "-1", "+1", "1.0", "", "1_000", "99999999999999999999999"] {
            #expect(Values.count(bad) == nil, "\(bad)")
        }
        #expect(Values.seed("18446744073709551615") == UInt64.max)
        #expect(Values.seed("18446744073709551616") == nil)
    }
}

@Suite struct BlockTests {
    @Test func multiLineBlocks() throws {
        let text = """
            repeat 2 {
              # a comment
              put k$i a=1

              at 5s {
                kill n1
              }
            }
            """
        #expect(try described(text) == ["repeat 2 { put k$i a=1; at 5000000 { kill n1 } }"])
    }

    @Test func inlineBlocksNest() throws {
        #expect(try described("repeat 2 { repeat 3 { put k$i a=1 } }") == ["repeat 2 { repeat 3 { put k$i a=1 } }"])
        #expect(try described("repeat 2 {\n  repeat 3 { heal }\n}") == ["repeat 2 { repeat 3 { heal } }"])
        #expect(try described("repeat 2 {\nrepeat 3 { heal } }") == ["repeat 2 { repeat 3 { heal } }"])
    }

    @Test func atBlocksHoldClusterCommandsAndClientOperations() throws {
        let text = """
            at 1s {
              config loss=1%
              add n4
              remove n1
              kill n2 wipe
              restart n2
              pause n3
              resume n3
              partition n1 | n2
              isolate n3
              heal
              put k a=1
              get k
              delete k
            }
            """
        let commands = try described(text)
        #expect(commands.count == 1)
        #expect(commands[0].hasPrefix("at 1000000 { config loss=10000ppm; add n4;"))
    }

    @Test func atInsideRepeatMayUseTheIteration() throws {
        #expect(try described("repeat 2 {\n  at 1s { put k$i a=1 }\n}") == ["repeat 2 { at 1000000 { put k$i a=1 } }"])
    }

    @Test func blocksNestUpToTheCap() throws {
        let depth = ScriptParser.maxDepth - 1
        let text = String(repeating: "repeat 1 {\n", count: depth) + "heal\n" + String(repeating: "}\n", count: depth)
        #expect(try load(text).commands.count == 1)
        let deeper = String(repeating: "repeat 1 {\n", count: depth + 2) + String(repeating: "}\n", count: depth + 2)
        expectError(deeper, "blocks and includes nest more than 100 levels deep", at: 101, 10)
    }
}

@Suite struct SuggestTests {
    @Test func nearestWords() {
        #expect(Suggest.nearest("expcet", in: Vocabulary.commands) == "expect")
        #expect(Suggest.nearest("rnig", in: Vocabulary.showTargets) == "ring")
        #expect(Suggest.nearest("nxt", in: ["next", "last", "count", "empty"]) == "next")
        #expect(Suggest.nearest("replicaz", in: Vocabulary.configKeys) == "replicas")
        #expect(Suggest.nearest("xyz", in: Vocabulary.commands) == nil)
        #expect(Suggest.nearest("get", in: []) == nil)
    }

    @Test func shortWordsAllowOneEditLongerTwo() {
        #expect(Suggest.nearest("abcd", in: ["abxy"]) == nil)
        #expect(Suggest.nearest("abcd", in: ["abcx"]) == "abcx")
        #expect(Suggest.nearest("abcde", in: ["abxye"]) == "abxye")
        #expect(Suggest.nearest("abcde", in: ["axyze"]) == nil)
    }

    @Test func veryLongWordsGetNoSuggestion() {
        let long = String(repeating: "a", count: 100_000)
        #expect(Suggest.nearest(long + "b", in: [long]) == nil)
    }

    @Test func closestThenFirstWins() {
        #expect(Suggest.nearest("node1", in: ["node22", "nodex", "node2"]) == "nodex")
        #expect(Suggest.nearest("ab", in: ["b", "a"]) == "b")
    }
}
