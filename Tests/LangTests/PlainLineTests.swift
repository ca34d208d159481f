import Testing
import Cluster
@testable import Lang

/// The fast path for plain lines (`PlainLineParser`, `PlainLineScanner`) against the lexer and
/// general parser, and the line table the parser notes as it reads against `SourceFile`'s own split.
@Suite struct PlainLineTests {
    /// What parsing and name-checking `text` give (each command with the places of its words, or
    /// the error), and the line table the parse left.
    func outcome(_ text: String, plainLines: Bool) -> (result: [String], lines: [SourceFile.LineBounds]) {
        let file = SourceFile(path: "t.kvs", text: text, linesFoundByParser: true)
        var parser = ScriptParser(file: file, baseDepth: 0) { word, _ throws(ScriptError) in
            throw ScriptError("no includes here", at: word.range)
        }
        parser.usesPlainLines = plainLines
        do {
            let script = Script(file: file, table: try parser.parse())
            var result = script.commands.map { describe($0) + " " + places($0).joined(separator: " ") }
            var checker = NameChecker(nodes: [], streams: [])
            do { try checker.check(script) } catch { result.append(rendered(error)) }
            return (result, file.lineBounds)
        } catch {
            return ([rendered(error)], file.lineBounds)
        }
    }

    func rendered(_ error: ScriptError) -> String {
        "error \(place(error.range)): \(error.message) \(error.suggestion ?? "")"
    }

    func place(_ range: SourceRange) -> String { "\(range.line):\(range.column)+\(range.length)" }

    /// The place of every word and command in `value`, in order.
    func places(_ value: Any) -> [String] {
        if let range = value as? SourceRange { return [place(range)] }
        if let word = value as? Word { return ["\(word.text)@\(place(word.range))"] }
        if value is SourceFile { return [] }
        return Mirror(reflecting: value).children.flatMap { places($0.value) }
    }

    /// Both paths must agree, and the parser's line table must be the one `SourceFile` splits.
    func check(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let plain = outcome(text, plainLines: true)
        let general = outcome(text, plainLines: false)
        #expect(plain.result == general.result, "\(text.debugDescription)", sourceLocation: sourceLocation)
        let split = SourceFile(path: "t.kvs", text: text).lineBounds
        #expect(plain.lines == split, "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(general.lines == split, "\(text.debugDescription)", sourceLocation: sourceLocation)
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

    /// Lines made from pieces of plain and not quite plain lines, cut and spliced at random (a fixed
    /// seed): the fast path must give what the general path gives, errors and places included.
    @Test func fastPathAgreesWithGeneralParser() {
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
