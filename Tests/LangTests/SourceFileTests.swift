import Testing
@testable import Lang

@Suite struct SourceFileTests {
    @Test func dropsBOMAndCRLF() {
        let file = SourceFile(path: "a.kvs", text: "\u{FEFF}add n1\r\nput k a=1\r\n")
        #expect(file.lines == ["add n1", "put k a=1"])
    }
}

@Suite struct WordTests {
    /// Parsed words read their text from the file; they must behave as words made from a String.
    @Test func aParsedWordIsItsText() throws {
        let script = try load("echo plain \"tab\\there\"")
        guard case .declared(let declared) = try #require(script.commands.first).kind,
              let words = (declared.arguments as? EchoArguments)?.words else {
            Issue.record("expected echo")
            return
        }
        #expect(words.map(\.text) == ["plain", "tab\there"])
        #expect(words[1] == Word("tab\there", at: words[1].range, quoted: true))
        #expect(words[0] != Word("plain", at: words[0].range, quoted: true))

        var moved = words[1]
        moved.range = SourceRange(file: SourceFile(path: "other.kvs", text: "xyz"), line: 1, column: 1, length: 3)
        #expect(moved.text == "tab\there")
        moved.text = "new"
        #expect(moved.text == "new")
        #expect(moved.quoted)
    }
}
