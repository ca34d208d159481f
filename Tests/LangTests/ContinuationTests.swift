import Testing
@testable import Lang

@Suite struct ContinuationTests {
    @Test func openBlocksNeedMoreLines() {
        #expect(ScriptLoader.needsMoreLines("repeat 3 {"))
        #expect(ScriptLoader.needsMoreLines("repeat 3 {\n  put k$i a=1"))
        #expect(ScriptLoader.needsMoreLines("repeat 3 {\n  at 1s {\n  }"))
        #expect(ScriptLoader.needsMoreLines("echo \"{\" # {") == false)
        #expect(ScriptLoader.needsMoreLines("repeat 3 {\n  put k$i a=1\n}") == false)
        #expect(ScriptLoader.needsMoreLines("heal") == false)
        #expect(ScriptLoader.needsMoreLines("} {") == false)
        #expect(ScriptLoader.needsMoreLines("repeat 3 { put k a=\"") == false)
    }

    @Test func renderedKeepsTabsBeforeTheCaret() throws {
        let error = try #require(loadError("\tkil n1"))
        #expect(error.rendered == "t.kvs:1:2: error: unknown command `kil`\n    \tkil n1\n    \t^~~\n    did you mean `kill`?\n")
    }
}
