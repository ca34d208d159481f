import Testing
import Cluster
@testable import Lang

/// The line table the parser notes as it reads a file, against `SourceFile`'s own split: the
/// same whether the parse succeeds or throws.
@Suite struct LineTableTests {
    /// The line table a parse of `text` leaves.
    func parsedLines(_ text: String) -> [SourceFile.LineBounds] {
        let file = SourceFile(path: "t.kvs", text: text, linesFoundByParser: true)
        let parser = ScriptParser(file: file, baseDepth: 0) { word, _ throws(ScriptError) in
            throw ScriptError("no includes here", at: word.range)
        }
        _ = try? parser.parse()
        return file.lineBounds
    }

    func check(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let split = SourceFile(path: "t.kvs", text: text).lineBounds
        #expect(parsedLines(text) == split, "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func lineEndsAsSourceFileSplitsThem() {
        let long = "put k a=" + String(repeating: "x", count: 70_000) + " b=\"" + String(repeating: "é", count: 500) + "\""
        for text in [
            "", "\n", "\r", "\r\n", "\n\n", "\n\r", "\r\r\n", "\u{FEFF}", "\u{FEFF}\n", "\u{FEFF}get k",
            "add n1", "add n1\n", "add n1\r\n", "add n1\r", "add n1\n\r", "add n1\n\n", "add n1\r\n\r\n",
            "add n1\nget k via n1", "add n1\nget k via n1\r", "add n1\r\nget k\r\n\r\nget j\r\n",
            "get k\rget j\n", "get k \r\n", "get k\t\r\n", "get k\r\r\n", "get k # c\r\n", "get k # c\r",
            "get k # é\r\nget j via n9", "# ü\n#\n#\r\n", "put k a=\"é\"\n", "put k a=\"é\" via n9\r\n",
            "put k a=\"\u{0}\" via n9", "put k a=1\u{0}", "put k a=1\u{0}\n", "put k a=\"x\r\n", "put k a=\"x\\",
            "put k a=\"x\\\r\n", "put k a=\"x\\", "put k a=", "put k a=\r\n", "repeat 2 {\nput k$i a=1\n}",
            "repeat 2 { get k$i }\r\nrepeat 2 {\r\n  get k$i via n1\r\n}\r\n", "add n1\n" + long + " via n1\n" + long,
            "at 1s {\nput k a=1\n}\nget k\n", "  \t  ", "\t\n \n", "get k\u{0B}", "get k é", "get \"é\" via n1",
        ] {
            check(text)
        }
    }

    /// Lines made from pieces of well-formed and broken lines, cut and spliced at random (a fixed
    /// seed): wherever the parse stops, the line table is whole.
    @Test func splicedLinesLeaveTheWholeTable() {
        let lines = [
            "add n1 n2 n3", "put user1 name=\"User 1\" balance=10 tier=gold via n1", "expect get user1 balance=10 # c",
            "repeat 3 { put k$i a=1 }", "repeat 2 {", "  get k$i", "}", "get user1 name via n2", "delete k a b via n3",
            "put \"key é\" a=\"é ü\" b=2 via n9", "put k a=\"x\\ty\" b=\"q\\\"r\" via n2", "get via via", "get k via",
            "put via a=1", "get k via n1 x", "put k a=1 via", "repeat 0 { get k } # c", "expect get k absent",
            "at 2s {", "advance 1s", "get k # é", "echo a \"ü\"", "kill n2", "partition n1 | n2",
            "put k a=1 b=2 a=3 via n1", "expect get k b=1 b=1", "repeat 2 { put k a=1 ab=2 a=$i }",
            "repeat $i { get k$i }", "repeat 2 { advance $is }", "repeat $i {", "expect stream s count $i",
        ]
        let pieces = ["\t", "\r", "\u{0}", "\"", "=", "{", "}", "#", "|", "\\", "$", "$i", "é", " ", "via", "'", "\r\n",
                      "\n", "a", "9", "\u{7F}"]
        var random = SplitMix64(state: 7)
        for _ in 0..<1500 {
            var text = ""
            for _ in 0 ..< random.below(7) + 1 {
                var line = Array(lines[random.below(lines.count)])
                for _ in 0 ..< random.below(3) {
                    let at = random.below(line.count + 1)
                    switch random.below(3) {
                    case 0: line = Array(line[..<at])
                    case 1: line.insert(contentsOf: pieces[random.below(pieces.count)], at: at)
                    default: if at < line.count { line.remove(at: at) }
                    }
                }
                text += String(line) + ["\n", "\r\n", "\r", ""][random.below(4)]
            }
            check(text)
        }
    }
}
